package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.LoadTestReport.Latency;
import dev.jmcp.loadtest.LoadTestReport.Stats;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Turns measured data into report values. */
public final class Reports {
    private Reports() {}

    /** A latency summary (ms) of a microsecond histogram, or {@code null} if it is empty. */
    public static Latency latency(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return null;
        }
        return new Latency(
                h.getTotalCount(),
                ms(h.getMinValue()),
                round(h.getMean() / 1000.0),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()));
    }

    /** An empty latency summary (all zeros). */
    public static Latency emptyLatency() {
        return new Latency(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Stats for one key (or, with a prefix ending in ':', all keys with it) over {@code seconds}. */
    public static Stats stats(IntervalData d, String keyOrPrefix, double seconds, Map<String, Long> errorsByClass) {
        Histogram ok;
        Histogram err;
        boolean whole = keyOrPrefix.equals("op:");
        if (keyOrPrefix.endsWith(":")) {
            ok = d.merged(true, keyOrPrefix);
            err = d.merged(false, keyOrPrefix);
        } else {
            ok = d.ok().getOrDefault(keyOrPrefix, new Histogram(WorkerMetrics.DIGITS));
            err = d.err().getOrDefault(keyOrPrefix, new Histogram(WorkerMetrics.DIGITS));
        }
        long successes = ok.getTotalCount();
        long errors = err.getTotalCount();
        long requests = successes + errors;
        Latency l = latency(ok);
        return new Stats(
                requests,
                successes,
                errors,
                requests == 0 ? 0 : round6(errors / (double) requests),
                seconds <= 0 ? 0 : round(requests / seconds),
                l == null ? emptyLatency() : l,
                latency(err),
                errorsByClass == null ? Map.of() : new TreeMap<>(errorsByClass),
                whole ? latency(d.effective()) : null,
                whole ? d.dropped() : null,
                whole ? (d.scheduled() == 0 ? 0.0 : round6(d.dropped() / (double) d.scheduled())) : null);
    }

    /**
     * Per-key stats for every key with a prefix ({@code op:}, {@code tool:}, {@code resource:}, {@code prompt:}),
     * keyed without the prefix, with that key's errors by class.
     */
    public static Map<String, Stats> byKey(IntervalData d, String prefix, double seconds) {
        Map<String, Stats> out = new TreeMap<>();
        for (String key : keys(d, prefix)) {
            out.put(
                    key.substring(prefix.length()),
                    stats(d, key, seconds, d.errorsByKey().getOrDefault(key, Map.of())));
        }
        return out;
    }

    private static java.util.Set<String> keys(IntervalData d, String prefix) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        d.ok().keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        d.err().keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        return keys;
    }

    /** One time-series point. */
    public static IntervalPoint point(IntervalData d) {
        Histogram ok = d.merged(true, "op:");
        long errors = d.errors();
        long requests = ok.getTotalCount() + errors;
        double secs = d.seconds();
        return new IntervalPoint(
                round(d.startNanos() / 1e9),
                round(secs),
                d.stage(),
                round(d.offeredLoad()),
                requests,
                errors,
                secs <= 0 ? 0 : round(requests / secs),
                requests == 0 ? 0 : round6(errors / (double) requests),
                latency(ok),
                d.dropped(),
                d.lag().getTotalCount() == 0 ? 0 : ms(d.lag().getValueAtPercentile(99)),
                new TreeMap<>(d.errorsByClass()),
                d.dropped() > 0 ? latency(d.effective()) : null,
                d.generatorCpu() < 0 ? null : round(d.generatorCpu() * 100));
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double round6(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
