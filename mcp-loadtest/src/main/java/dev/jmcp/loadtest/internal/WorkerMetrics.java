package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One worker's (virtual user's) recorders, in microseconds: latency per operation and per tool, split into
 * successes and errors, plus service time, session handshakes and the worker's counters. The collector drains them
 * every interval.
 *
 * <p>Recording never takes a lock: a sample is written into the active half of a double buffer inside a
 * {@link WriterReaderPhaser} critical section (wait-free for the writer), and a drain swaps the halves and waits only
 * for writes already under way, so the collector never blocks a worker or the scheduler, and a sample's parts
 * (method, tool, service time, error class) always land in the same interval. Once {@linkplain #seal() sealed} at
 * the end of a run nothing more is recorded: an iteration still running then is counted as cut off, and whatever it
 * would record later is discarded, so a late worker can never make the final figures disagree with each other.
 */
public final class WorkerMetrics {
    static final int DIGITS = 3;

    /** The operation name of session opens in per-iteration mode. */
    public static final String CONNECT_OPERATION = "session/connect";

    private static final String CONNECT_KEY = "op:" + CONNECT_OPERATION;

    /** One half of the double buffer. Written by one writer at a time, read only after a phase flip. */
    private static final class Bucket {
        final Map<String, Histogram> ok = new HashMap<>();
        final Map<String, Histogram> err = new HashMap<>();
        final Map<String, Long> errorsByClass = new HashMap<>();
        final Map<String, Map<String, Long>> errorsByKey = new HashMap<>();
        final Histogram service = new Histogram(DIGITS);
        final Histogram handshake = new Histogram(DIGITS);
        long iterations;
        long sessionsOpened;
        long sessionOpenFailures;

        void drainInto(IntervalData data) {
            ok.forEach((k, h) -> {
                if (h.getTotalCount() > 0) {
                    data.addOk(k, h);
                    h.reset();
                }
            });
            err.forEach((k, h) -> {
                if (h.getTotalCount() > 0) {
                    data.addErr(k, h);
                    h.reset();
                }
            });
            if (service.getTotalCount() > 0) {
                data.service().add(service);
                service.reset();
            }
            if (handshake.getTotalCount() > 0) {
                data.handshake().add(handshake);
                handshake.reset();
            }
            errorsByClass.forEach((k, v) -> data.errorsByClass().merge(k, v, Long::sum));
            errorsByClass.clear();
            errorsByKey.forEach((k, m) -> {
                if (!m.isEmpty()) {
                    data.addKeyErrors(k, m);
                    m.clear();
                }
            });
            data.addWorkerCounters(iterations, sessionsOpened, sessionOpenFailures);
            iterations = 0;
            sessionsOpened = 0;
            sessionOpenFailures = 0;
        }
    }

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Bucket active = new Bucket();
    private Bucket inactive = new Bucket();
    private final ErrorSamples samples;
    private volatile boolean busy;
    private volatile boolean sealed;
    private volatile boolean retired;

    WorkerMetrics() {
        this(new ErrorSamples());
    }

    WorkerMetrics(ErrorSamples samples) {
        this.samples = samples;
    }

    /**
     * Marks this worker finished for good (a retired virtual user): the collector drains it once more and then
     * forgets it, so a long run with changing levels does not keep every worker's recorders.
     */
    public void retire() {
        retired = true;
    }

    /** Whether {@link #retire()} was called. */
    boolean retired() {
        return retired;
    }

    /**
     * Starts an iteration: counts it and marks the worker busy until {@link #endIteration()}.
     *
     * @return false once the run's measurements are sealed (the iteration must not run)
     */
    public boolean beginIteration() {
        long token = phaser.writerCriticalSectionEnter();
        try {
            if (sealed) {
                return false;
            }
            busy = true;
            active.iterations++;
            return true;
        } finally {
            phaser.writerCriticalSectionExit(token);
        }
    }

    /** Ends the iteration started by {@link #beginIteration()}. */
    public void endIteration() {
        busy = false;
    }

    /**
     * Records one real request: latency from its intended start, service time from its actual send.
     *
     * @return false when the measurements are sealed (the sample was discarded; the iteration should stop)
     */
    public boolean record(Step step, StepOutcome outcome, long latencyNanos, long serviceNanos) {
        return record(StepKeys.of(step.operation(), step.name()), outcome, latencyNanos, serviceNanos);
    }

    /**
     * Records one real request under precomputed keys (no per-request key allocation): latency from its intended
     * start, service time from its actual send; a failure also counts under its class per key and may keep its
     * message as a sample.
     *
     * @return false when the measurements are sealed (the sample was discarded; the iteration should stop)
     */
    public boolean record(StepKeys keys, StepOutcome outcome, long latencyNanos, long serviceNanos) {
        long token = phaser.writerCriticalSectionEnter();
        try {
            if (sealed) {
                return false;
            }
            Bucket b = active;
            Map<String, Histogram> target = outcome.success() ? b.ok : b.err;
            long latencyUs = Math.max(0, latencyNanos / 1000);
            histogram(target, keys.op()).recordValue(latencyUs);
            if (keys.subject() != null) {
                histogram(target, keys.subject()).recordValue(latencyUs);
            }
            b.service.recordValue(Math.max(0, serviceNanos / 1000));
            if (!outcome.success()) {
                String cls = outcome.errorClass();
                b.errorsByClass.merge(cls, 1L, Long::sum);
                b.errorsByKey.computeIfAbsent(keys.op(), k -> new HashMap<>()).merge(cls, 1L, Long::sum);
                if (keys.subject() != null) {
                    b.errorsByKey
                            .computeIfAbsent(keys.subject(), k -> new HashMap<>())
                            .merge(cls, 1L, Long::sum);
                }
                samples.offer(cls, outcome.message());
            }
            return true;
        } finally {
            phaser.writerCriticalSectionExit(token);
        }
    }

    /**
     * Records a per-iteration session open as the operation {@value #CONNECT_OPERATION} (latency from the
     * iteration's intended start, service time from the actual connect), together with its handshake.
     *
     * @return false when the measurements are sealed
     */
    public boolean recordConnect(StepOutcome outcome, long latencyNanos, long serviceNanos) {
        long token = phaser.writerCriticalSectionEnter();
        try {
            if (sealed) {
                return false;
            }
            Bucket b = active;
            Map<String, Histogram> target = outcome.success() ? b.ok : b.err;
            histogram(target, CONNECT_KEY).recordValue(Math.max(0, latencyNanos / 1000));
            b.service.recordValue(Math.max(0, serviceNanos / 1000));
            if (!outcome.success()) {
                String cls = outcome.errorClass();
                b.errorsByClass.merge(cls, 1L, Long::sum);
                b.errorsByKey.computeIfAbsent(CONNECT_KEY, k -> new HashMap<>()).merge(cls, 1L, Long::sum);
                samples.offer(cls, outcome.message());
            }
            countHandshake(b, serviceNanos, outcome.success());
            return true;
        } finally {
            phaser.writerCriticalSectionExit(token);
        }
    }

    /**
     * Records a session open (successful or not).
     *
     * @return false when the measurements are sealed
     */
    public boolean recordHandshake(long nanos, boolean success) {
        long token = phaser.writerCriticalSectionEnter();
        try {
            if (sealed) {
                return false;
            }
            countHandshake(active, nanos, success);
            return true;
        } finally {
            phaser.writerCriticalSectionExit(token);
        }
    }

    private static void countHandshake(Bucket b, long nanos, boolean success) {
        if (success) {
            b.handshake.recordValue(Math.max(0, nanos / 1000));
            b.sessionsOpened++;
        } else {
            b.sessionOpenFailures++;
        }
    }

    private static Histogram histogram(Map<String, Histogram> map, String key) {
        Histogram h = map.get(key);
        if (h == null) {
            h = new Histogram(DIGITS);
            map.put(key, h);
        }
        return h;
    }

    /**
     * Stops recording and waits for writes already under way (they land in the next drain); returns 1 if an
     * iteration was still running (it is cut off), else 0.
     */
    int seal() {
        phaser.readerLock();
        try {
            sealed = true;
            phaser.flipPhase();
            return busy ? 1 : 0;
        } finally {
            phaser.readerUnlock();
        }
    }

    /** Moves everything recorded since the previous drain into {@code data}; only the collector calls this. */
    void drainInto(IntervalData data) {
        phaser.readerLock();
        try {
            Bucket full = active;
            active = inactive;
            inactive = full;
            phaser.flipPhase();
            full.drainInto(data);
        } finally {
            phaser.readerUnlock();
        }
    }
}
