package dev.jmcp.bench;

import dev.jmcp.core.protocol.tools.CallToolResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The server's CPU cost of one {@code tools/call} through an annotated method against the same tool registered by
 * lambda (issue #15: within 5%), measured as the benchmark thread's own CPU time (not wall time) over blocks of calls
 * that alternate annotated, lambda, annotated... so machine load and drift hit both sides alike. Every call runs the
 * whole server path on this thread ({@link AnnotatedCallBenchmark#serverAddAnnotated} and friends).
 *
 * <p>Run: {@code java -cp "benchmarks/target/jmcp-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * dev.jmcp.bench.AnnotatedCallCpu [rounds] [callsPerBlock]}. Prints, per tool, the median CPU ns per call of each
 * style over the rounds, and the median and middle half of the per-round ratios (each round's two blocks run back to
 * back, so their ratio is the least disturbed figure). Not a test: nothing asserts on timing.
 */
public final class AnnotatedCallCpu {
    private AnnotatedCallCpu() {}

    /** Runs the comparison. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        AnnotatedCallBenchmark b = new AnnotatedCallBenchmark();
        b.setUp();
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            // Warm up both paths well past C2.
            for (int i = 0; i < 3; i++) {
                block(threads, b::serverAddAnnotated, calls);
                block(threads, b::serverAddLambda, calls);
                block(threads, b::serverForecastAnnotated, calls);
                block(threads, b::serverForecastLambda, calls);
            }
            compare(threads, "add(int, int) -> text", b::serverAddAnnotated, b::serverAddLambda, rounds, calls);
            compare(
                    threads,
                    "forecast(String, Optional<Integer>) -> record",
                    b::serverForecastAnnotated,
                    b::serverForecastLambda,
                    rounds,
                    calls);
            compare(
                    threads,
                    "handler only: add",
                    () -> handler(b::handlerAddAnnotated),
                    () -> handler(b::handlerAddLambda),
                    rounds,
                    calls);
            compare(
                    threads,
                    "handler only: forecast",
                    () -> handler(b::handlerForecastAnnotated),
                    () -> handler(b::handlerForecastLambda),
                    rounds,
                    calls);
        } finally {
            b.tearDown();
        }
    }

    private static void compare(
            ThreadMXBean threads,
            String name,
            Supplier<byte[]> annotated,
            Supplier<byte[]> lambda,
            int rounds,
            int calls) {
        double[] a = new double[rounds];
        double[] l = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a[r] = block(threads, annotated, calls);
                l[r] = block(threads, lambda, calls);
            } else {
                l[r] = block(threads, lambda, calls);
                a[r] = block(threads, annotated, calls);
            }
        }
        double[] paired = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            paired[r] = a[r] / l[r];
        }
        Arrays.sort(paired);
        System.out.printf(
                Locale.ROOT,
                "%-48s annotated %8.0f ns  lambda %8.0f ns  paired ratio median %.3f, middle half %.3f-%.3f"
                        + " (%d rounds x %d calls)%n",
                name,
                median(a),
                median(l),
                paired[rounds / 2],
                paired[rounds / 4],
                paired[rounds - 1 - rounds / 4],
                rounds,
                calls);
    }

    /** The handler's result as a non-null marker (the handler rows answer no frame). */
    private static byte[] handler(Callable<CallToolResult> call) {
        try {
            CallToolResult r = call.call();
            return r.content().isEmpty() && r.structuredContent() == null ? null : MARK;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] MARK = {1, 2};

    /** CPU ns per call of this thread over one block. */
    private static double block(ThreadMXBean threads, Supplier<byte[]> call, int calls) {
        long start = threads.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < calls; i++) {
            byte[] answer = call.get();
            sink += answer == null ? 1 : answer.length;
        }
        long used = threads.getCurrentThreadCpuTime() - start;
        if (sink == calls) {
            throw new IllegalStateException("the server sent no answers on this thread");
        }
        return (double) used / calls;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
