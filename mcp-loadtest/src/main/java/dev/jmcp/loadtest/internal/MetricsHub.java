package dev.jmcp.loadtest.internal;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Owns every worker's recorders and the scheduler's counters, and cuts them into intervals: each
 * {@link #snapshot} drains all recorders (double-buffered, so nothing is counted twice or lost) and the counters
 * recorded since the previous snapshot.
 *
 * <p>Recording an arrival never waits for a snapshot: the scheduler writes into the active half of a double buffer
 * inside a {@link WriterReaderPhaser} critical section (wait-free), and a snapshot swaps the halves. Snapshots and
 * {@link #seal()} only exclude each other.
 *
 * <p>A dropped arrival is also recorded as an effective latency of at least the drop floor (the step timeout), so
 * the effective latency distribution counts it; see {@link IntervalData#dropLatency()}.
 *
 * <p>At the end of a run {@link #seal()} stops all recording: iterations still running are counted as cut off and
 * nothing recorded afterwards reaches any snapshot, so the last snapshot is final.
 */
public final class MetricsHub {
    /** The scheduler's half of the double buffer. */
    private static final class Arrivals {
        final Histogram lag = new Histogram(WorkerMetrics.DIGITS);
        final Histogram dropLatency = new Histogram(WorkerMetrics.DIGITS);
        long scheduled;
        long dropped;
    }

    private final Queue<WorkerMetrics> workers = new ConcurrentLinkedQueue<>();
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final ErrorSamples errorSamples = new ErrorSamples();
    private final long dropFloorNanos;
    private volatile Arrivals active = new Arrivals();
    private Arrivals inactive = new Arrivals();
    private final LongAdder scheduledSoFar = new LongAdder();
    private long lastSnapshotNanos;
    private volatile boolean sealed;
    private long cutOff;

    /** A hub whose dropped arrivals count as an effective latency of their wait only. */
    public MetricsHub() {
        this(0);
    }

    /** A hub whose dropped arrivals count as an effective latency of at least {@code dropFloorNanos}. */
    public MetricsHub(long dropFloorNanos) {
        this.dropFloorNanos = dropFloorNanos;
    }

    /** A new worker's recorders. */
    public WorkerMetrics newWorker() {
        WorkerMetrics w = new WorkerMetrics(errorSamples);
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
     * Both land in the same interval. A dropped arrival waited {@code waitedNanos} from its intended start.
     */
    public void recordArrival(long lagNanos, boolean taken, long waitedNanos) {
        long token = phaser.writerCriticalSectionEnter();
        try {
            if (sealed) {
                return;
            }
            scheduledSoFar.increment(); // several workers, and an interval flip may put them on different Arrivals
            Arrivals a = active;
            synchronized (a) { // workers record their own arrivals (open model): several writers
                a.lag.recordValue(Math.max(0, lagNanos / 1000));
                a.scheduled++;
                if (!taken) {
                    a.dropped++;
                    a.dropLatency.recordValue(Math.max(0, Math.max(dropFloorNanos, waitedNanos) / 1000));
                }
            }
        } finally {
            phaser.writerCriticalSectionExit(token);
        }
    }

    /** Records one scheduled arrival that waited no longer than its lag. */
    public void recordArrival(long lagNanos, boolean taken) {
        recordArrival(lagNanos, taken, lagNanos);
    }

    /** The first error messages of each class recorded so far. */
    public ErrorSamples errorSamples() {
        return errorSamples;
    }

    /** Workers whose recorders are held (retired ones are released at the next snapshot). */
    public int workerCount() {
        return workers.size();
    }

    /** Scheduled arrivals so far. */
    public long scheduledSoFar() {
        return scheduledSoFar.sum();
    }

    /**
     * Ends recording for good: every worker's iteration still running is counted as cut off, and later samples
     * are discarded. Idempotent.
     *
     * @return the number of iterations cut off
     */
    public synchronized long seal() {
        if (!sealed) {
            phaser.readerLock();
            try {
                sealed = true;
                phaser.flipPhase(); // arrivals being recorded now finish into the active buffer
            } finally {
                phaser.readerUnlock();
            }
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
        for (Iterator<WorkerMetrics> it = workers.iterator(); it.hasNext(); ) {
            WorkerMetrics w = it.next();
            boolean retired = w.retired(); // read before draining: everything it recorded is in this drain
            w.drainInto(data);
            if (retired) {
                it.remove(); // a finished worker's recorders are released
            }
        }
        Arrivals full;
        phaser.readerLock();
        try {
            full = active;
            active = inactive;
            inactive = full;
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        long end = Math.max(lastSnapshotNanos, endNanos.getAsLong());
        data.span(lastSnapshotNanos, end);
        lastSnapshotNanos = end;
        data.lag().add(full.lag);
        full.lag.reset();
        data.dropLatency().add(full.dropLatency);
        full.dropLatency.reset();
        data.addSchedulerCounters(full.scheduled, full.dropped);
        full.scheduled = 0;
        full.dropped = 0;
        return data;
    }
}
