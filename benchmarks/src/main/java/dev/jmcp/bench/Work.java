package dev.jmcp.bench;

/**
 * The benchmark's two tools, identical for every server: {@code echo} returns {@code "echo: " + message};
 * {@code work} burns a fixed, deterministic amount of CPU (about 0.5 ms on a 2020s x86 core) and returns
 * {@code "work: " + message}.
 */
public final class Work {
    /** Iterations of the xorshift loop in {@link #burn()}; fixed so every server does the same work. */
    public static final int ITERATIONS = Integer.getInteger("bench.work.iterations", 360_000);

    /** The input schema of both tools. */
    public static final String INPUT_SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"]}";

    /** Keeps the JIT from dropping the loop. */
    private static volatile long sink;

    private Work() {}

    /** The echo tool's text. */
    public static String echo(String message) {
        return "echo: " + message;
    }

    /** The work tool: burns CPU, then answers like echo with a different prefix. */
    public static String work(String message) {
        burn();
        return "work: " + message;
    }

    /** A deterministic xorshift loop of {@link #ITERATIONS} steps. */
    public static void burn() {
        long x = 0x9E3779B97F4A7C15L;
        long acc = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            acc += x;
        }
        sink = acc;
    }

    /** Prints how long {@link #burn()} takes here, after warming up (to calibrate {@link #ITERATIONS}). */
    public static void main(String[] args) {
        for (int i = 0; i < 5000; i++) {
            burn();
        }
        int n = 2000;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            burn();
        }
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        System.out.printf(
                "burn(): %.3f ms CPU, %.3f ms wall per call (%d iterations)%n",
                cpu / 1e6 / n, wall / 1e6 / n, ITERATIONS);
    }
}
