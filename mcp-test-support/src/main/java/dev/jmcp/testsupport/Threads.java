package dev.jmcp.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Probes of the JVM's live threads, for tests that prove {@code close()} leaves nothing running. */
public final class Threads {
    private Threads() {}

    /** Live threads grouped by name with a trailing counter removed ({@code jmcp-http-housekeeping}, ...). */
    public static Map<String, Integer> liveByPool() {
        Map<String, Integer> byPool = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                byPool.merge(t.getName().replaceAll("[-#]?\\d+$", ""), 1, Integer::sum);
            }
        }
        return byPool;
    }

    /**
     * Joins every live thread whose name matches, so that whatever it could still do has been done.
     *
     * @throws AssertionError when one of them is still alive after {@code limit}
     */
    public static void joinAll(Predicate<String> name, Duration limit) {
        List<Thread> matching = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> name.test(t.getName()))
                .toList();
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : matching) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while joining " + t.getName(), e);
            }
            if (t.isAlive()) {
                throw new AssertionError("thread " + t.getName() + " still alive after " + limit.toMillis() + " ms");
            }
        }
    }
}
