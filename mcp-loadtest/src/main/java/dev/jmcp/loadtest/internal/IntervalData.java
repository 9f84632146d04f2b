package dev.jmcp.loadtest.internal;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything measured in one interval (or, accumulated, in a stage or a run): histograms in microseconds keyed by
 * {@code op:<method>} and {@code tool:<name>}, and the generator's counters.
 */
public final class IntervalData {
    private final Map<String, Histogram> ok = new TreeMap<>();
    private final Map<String, Histogram> err = new TreeMap<>();
    private final Histogram service = new Histogram(WorkerMetrics.DIGITS);
    private final Histogram handshake = new Histogram(WorkerMetrics.DIGITS);
    private final Histogram lag = new Histogram(WorkerMetrics.DIGITS);
    private final Histogram dropLatency = new Histogram(WorkerMetrics.DIGITS);
    private final Map<String, Long> errorsByClass = new TreeMap<>();
    private final Map<String, Map<String, Long>> errorsByKey = new TreeMap<>();
    private long startNanos;
    private long endNanos;
    private int stage;
    private double offeredLoad;
    private double generatorCpu = -1;
    private long scheduled;
    private long dropped;
    private long iterations;
    private long sessionsOpened;
    private long sessionOpenFailures;
    private long okCount;
    private long errCount;

    /** An empty interval covering the given offsets (nanoseconds since the run started). */
    public IntervalData(long startNanos, long endNanos, int stage) {
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.stage = stage;
    }

    /** Sets the time span (offsets in nanoseconds since the run started). */
    public void span(long start, long end) {
        this.startNanos = start;
        this.endNanos = end;
    }

    /** Adds a success histogram for a key. */
    public void addOk(String key, Histogram h) {
        if (key.startsWith("op:")) {
            okCount += h.getTotalCount();
        }
        ok.computeIfAbsent(key, k -> new Histogram(WorkerMetrics.DIGITS)).add(h);
    }

    /** Adds an error histogram for a key. */
    public void addErr(String key, Histogram h) {
        if (key.startsWith("op:")) {
            errCount += h.getTotalCount();
        }
        err.computeIfAbsent(key, k -> new Histogram(WorkerMetrics.DIGITS)).add(h);
    }

    /** Adds another interval's data (for stage and run totals); the time span grows to cover both. */
    public void add(IntervalData o) {
        o.ok.forEach(this::addOk);
        o.err.forEach(this::addErr);
        service.add(o.service);
        handshake.add(o.handshake);
        lag.add(o.lag);
        dropLatency.add(o.dropLatency);
        o.errorsByClass.forEach((k, v) -> errorsByClass.merge(k, v, Long::sum));
        o.errorsByKey.forEach(this::addKeyErrors);
        startNanos = Math.min(startNanos, o.startNanos);
        endNanos = Math.max(endNanos, o.endNanos);
        scheduled += o.scheduled;
        dropped += o.dropped;
        iterations += o.iterations;
        sessionsOpened += o.sessionsOpened;
        sessionOpenFailures += o.sessionOpenFailures;
    }

    /** Merged histogram of all keys with a prefix ({@code op:} covers every request exactly once). */
    public Histogram merged(boolean success, String prefix) {
        Histogram h = new Histogram(WorkerMetrics.DIGITS);
        (success ? ok : err).forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                h.add(v);
            }
        });
        return h;
    }

    /** Success histograms by key (add through {@link #addOk}, which keeps the request count). */
    public Map<String, Histogram> ok() {
        return ok;
    }

    /** Error histograms by key (add through {@link #addErr}, which keeps the request count). */
    public Map<String, Histogram> err() {
        return err;
    }

    /** Service-time histogram. */
    public Histogram service() {
        return service;
    }

    /** Handshake histogram. */
    public Histogram handshake() {
        return handshake;
    }

    /** Dispatch-lag histogram. */
    public Histogram lag() {
        return lag;
    }

    /**
     * Dropped arrivals as effective latencies: each counts as at least the step timeout (or the time it waited, if
     * longer), since its user would have waited at least that long.
     */
    public Histogram dropLatency() {
        return dropLatency;
    }

    /**
     * The effective latency distribution: every completed request (successes and errors, {@code op:} keys) and
     * every dropped arrival at its {@linkplain #dropLatency() effective latency}.
     */
    public Histogram effective() {
        Histogram h = merged(true, "op:");
        h.add(merged(false, "op:"));
        h.add(dropLatency);
        return h;
    }

    /** Error counts by class. */
    public Map<String, Long> errorsByClass() {
        return errorsByClass;
    }

    /** Error counts by class per key ({@code op:tools/call}, {@code tool:echo}, ...). */
    public Map<String, Map<String, Long>> errorsByKey() {
        return errorsByKey;
    }

    /** Adds error counts by class for one key. */
    public void addKeyErrors(String key, Map<String, Long> byClass) {
        Map<String, Long> m = errorsByKey.computeIfAbsent(key, k -> new TreeMap<>());
        byClass.forEach((c, n) -> m.merge(c, n, Long::sum));
    }

    /** Completed requests (successes and errors). */
    public long requests() {
        return okCount + errCount;
    }

    /** Failed requests. */
    public long errors() {
        return errCount;
    }

    /** Start offset in nanoseconds. */
    public long startNanos() {
        return startNanos;
    }

    /** End offset in nanoseconds. */
    public long endNanos() {
        return endNanos;
    }

    /** Length in seconds. */
    public double seconds() {
        return Math.max(0, endNanos - startNanos) / 1e9;
    }

    /** The stage index. */
    public int stage() {
        return stage;
    }

    /** The offered load: scheduled arrivals per second (open) or active virtual users (closed). */
    public double offeredLoad() {
        return offeredLoad;
    }

    /** Sets the offered load. */
    public void offeredLoad(double v) {
        offeredLoad = v;
    }

    /** The generator's CPU fraction (of all processors) in this interval, or -1 if unknown. */
    public double generatorCpu() {
        return generatorCpu;
    }

    /** Sets the generator's CPU fraction. */
    public void generatorCpu(double v) {
        generatorCpu = v;
    }

    /** Scheduled arrivals. */
    public long scheduled() {
        return scheduled;
    }

    /** Dropped arrivals. */
    public long dropped() {
        return dropped;
    }

    /** Iterations started. */
    public long iterations() {
        return iterations;
    }

    /** Sessions opened. */
    public long sessionsOpened() {
        return sessionsOpened;
    }

    /** Session opens that failed. */
    public long sessionOpenFailures() {
        return sessionOpenFailures;
    }

    /** Sets the generator counters. */
    public void counters(long scheduled, long dropped, long iterations, long opened, long openFailures) {
        this.scheduled = scheduled;
        this.dropped = dropped;
        this.iterations = iterations;
        this.sessionsOpened = opened;
        this.sessionOpenFailures = openFailures;
    }

    /** Adds one worker's counters. */
    void addWorkerCounters(long iterations, long opened, long openFailures) {
        this.iterations += iterations;
        this.sessionsOpened += opened;
        this.sessionOpenFailures += openFailures;
    }

    /** Adds the scheduler's counters. */
    void addSchedulerCounters(long scheduled, long dropped) {
        this.scheduled += scheduled;
        this.dropped += dropped;
    }
}
