package dev.jmcp.loadtest.internal;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Owns every worker's recorders and the generator's counters, and cuts them into intervals: each
 * {@link #snapshot} drains all recorders (HdrHistogram interval histograms, so nothing is counted twice or lost)
 * and returns the counter deltas since the previous snapshot.
 */
public final class MetricsHub {
    private final Queue<WorkerMetrics> workers = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> errorsByClass = new ConcurrentHashMap<>();
    private final Map<String, Long> lastErrors = new ConcurrentHashMap<>();
    private final Recorder lag = new Recorder(WorkerMetrics.DIGITS);
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder iterations = new LongAdder();
    private final LongAdder sessionsOpened = new LongAdder();
    private final LongAdder sessionOpenFailures = new LongAdder();
    private final long[] last = new long[5];
    private final AtomicLong lastSnapshotNanos = new AtomicLong();

    /** A new worker's recorders. */
    public WorkerMetrics newWorker() {
        WorkerMetrics w = new WorkerMetrics(this);
        workers.add(w);
        return w;
    }

    void countError(String errorClass) {
        errorsByClass.computeIfAbsent(errorClass, k -> new LongAdder()).increment();
    }

    void countSessionOpen(boolean success) {
        (success ? sessionsOpened : sessionOpenFailures).increment();
    }

    /** Records an arrival's dispatch lag (nanoseconds) and counts it as scheduled. */
    public void recordArrival(long lagNanos) {
        lag.recordValue(Math.max(0, lagNanos / 1000));
        scheduled.increment();
    }

    /** Counts a dropped arrival. */
    public void countDropped() {
        dropped.increment();
    }

    /** Counts a started iteration. */
    public void countIteration() {
        iterations.increment();
    }

    /** Scheduled arrivals so far. */
    public long scheduledSoFar() {
        return scheduled.sum();
    }

    /** Drains everything recorded since the previous snapshot into a new interval ending at {@code endNanos}. */
    public IntervalData snapshot(long endNanos, int stage) {
        return snapshot(() -> endNanos, stage);
    }

    /**
     * Drains everything recorded since the previous snapshot into a new interval. The end time is read after
     * draining, so no sample recorded before the interval's end lands in the next one.
     */
    public synchronized IntervalData snapshot(java.util.function.LongSupplier endNanos, int stage) {
        IntervalData data = new IntervalData(0, 0, stage);
        for (WorkerMetrics w : workers) {
            w.drainInto(data);
        }
        long end = endNanos.getAsLong();
        data.span(lastSnapshotNanos.getAndSet(end), end);
        data.lag().add(lag.getIntervalHistogram());
        errorsByClass.forEach((k, v) -> {
            long now = v.sum();
            long delta = now - lastErrors.getOrDefault(k, 0L);
            lastErrors.put(k, now);
            if (delta > 0) {
                data.errorsByClass().put(k, delta);
            }
        });
        long[] now = {scheduled.sum(), dropped.sum(), iterations.sum(), sessionsOpened.sum(), sessionOpenFailures.sum()
        };
        data.counters(now[0] - last[0], now[1] - last[1], now[2] - last[2], now[3] - last[3], now[4] - last[4]);
        System.arraycopy(now, 0, last, 0, now.length);
        return data;
    }
}
