package dev.jmcp.loadtest.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Owns every worker's recorders and the scheduler's counters, and cuts them into intervals: each
 * {@link #snapshot} drains all recorders (HdrHistogram interval histograms, so nothing is counted twice or lost)
 * and the counters recorded since the previous snapshot.
 *
 * <p>At the end of a run {@link #seal()} stops all recording: iterations still running are counted as cut off and
 * nothing recorded afterwards reaches any snapshot, so the last snapshot is final.
 */
public final class MetricsHub {
    private final Queue<WorkerMetrics> workers = new ConcurrentLinkedQueue<>();
    private final Histogram lag = new Histogram(WorkerMetrics.DIGITS);
    private long scheduled;
    private long dropped;
    private long lastSnapshotNanos;
    private boolean sealed;
    private long cutOff;

    /** A new worker's recorders. */
    public WorkerMetrics newWorker() {
        WorkerMetrics w = new WorkerMetrics();
        synchronized (this) {
            if (sealed) {
                w.seal();
            }
            workers.add(w);
        }
        return w;
    }

    /**
     * Records one scheduled arrival: its dispatch lag (nanoseconds) and whether a worker took it or it was dropped.
     * Both land in the same interval.
     */
    public synchronized void recordArrival(long lagNanos, boolean taken) {
        if (sealed) {
            return;
        }
        lag.recordValue(Math.max(0, lagNanos / 1000));
        scheduled++;
        if (!taken) {
            dropped++;
        }
    }

    /** Scheduled arrivals so far. */
    public synchronized long scheduledSoFar() {
        return scheduled;
    }

    /**
     * Ends recording for good: every worker's iteration still running is counted as cut off, and later samples
     * are discarded. Idempotent.
     *
     * @return the number of iterations cut off
     */
    public synchronized long seal() {
        if (!sealed) {
            sealed = true;
            for (WorkerMetrics w : workers) {
                cutOff += w.seal();
            }
        }
        return cutOff;
    }

    /** Drains everything recorded since the previous snapshot into a new interval ending at {@code endNanos}. */
    public IntervalData snapshot(long endNanos, int stage) {
        return snapshot(() -> endNanos, stage);
    }

    /**
     * Drains everything recorded since the previous snapshot into a new interval. The end time is read after
     * draining, so no sample recorded before the interval's end lands in the next one.
     */
    public synchronized IntervalData snapshot(LongSupplier endNanos, int stage) {
        IntervalData data = new IntervalData(0, 0, stage);
        for (WorkerMetrics w : workers) {
            w.drainInto(data);
        }
        long end = endNanos.getAsLong();
        data.span(lastSnapshotNanos, end);
        lastSnapshotNanos = end;
        data.lag().add(lag);
        lag.reset();
        data.addSchedulerCounters(scheduled, dropped);
        scheduled = 0;
        dropped = 0;
        return data;
    }
}
