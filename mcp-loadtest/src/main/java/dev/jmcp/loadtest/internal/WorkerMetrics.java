package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Recorder;

/**
 * One worker's (virtual user's) recorders, in microseconds: latency per operation and per tool, split into
 * successes and errors, plus service time, session handshakes and the worker's counters. The collector drains them
 * every interval.
 *
 * <p>Every recording and every drain holds this worker's lock, so a sample's parts (method, tool, service time,
 * error class) always land in the same interval. Once {@linkplain #seal() sealed} at the end of a run nothing more
 * is recorded: an iteration still running then is counted as cut off, and whatever it would record later is
 * discarded, so a late worker can never make the final figures disagree with each other.
 */
public final class WorkerMetrics {
    static final int DIGITS = 3;

    /** The operation name of session opens in per-iteration mode. */
    public static final String CONNECT_OPERATION = "session/connect";

    private final Map<String, Recorder> ok = new HashMap<>();
    private final Map<String, Recorder> err = new HashMap<>();
    private final Map<String, Long> errorsByClass = new HashMap<>();
    private final Recorder service = new Recorder(DIGITS);
    private final Recorder handshake = new Recorder(DIGITS);
    private long iterations;
    private long sessionsOpened;
    private long sessionOpenFailures;
    private boolean busy;
    private boolean sealed;

    WorkerMetrics() {}

    /**
     * Starts an iteration: counts it and marks the worker busy until {@link #endIteration()}.
     *
     * @return false once the run's measurements are sealed (the iteration must not run)
     */
    public synchronized boolean beginIteration() {
        if (sealed) {
            return false;
        }
        busy = true;
        iterations++;
        return true;
    }

    /** Ends the iteration started by {@link #beginIteration()}. */
    public synchronized void endIteration() {
        busy = false;
    }

    /**
     * Records one real request: latency from its intended start, service time from its actual send.
     *
     * @return false when the measurements are sealed (the sample was discarded; the iteration should stop)
     */
    public synchronized boolean record(Step step, StepOutcome outcome, long latencyNanos, long serviceNanos) {
        if (sealed) {
            return false;
        }
        Map<String, Recorder> target = outcome.success() ? ok : err;
        long latencyUs = Math.max(0, latencyNanos / 1000);
        recorder(target, "op:" + step.operation().method()).recordValue(latencyUs);
        if (step.operation() == Operation.TOOLS_CALL) {
            recorder(target, "tool:" + step.name()).recordValue(latencyUs);
        }
        service.recordValue(Math.max(0, serviceNanos / 1000));
        if (!outcome.success()) {
            errorsByClass.merge(outcome.errorClass(), 1L, Long::sum);
        }
        return true;
    }

    /**
     * Records a per-iteration session open as the operation {@value #CONNECT_OPERATION} (latency from the
     * iteration's intended start, service time from the actual connect), together with its handshake.
     *
     * @return false when the measurements are sealed
     */
    public synchronized boolean recordConnect(StepOutcome outcome, long latencyNanos, long serviceNanos) {
        if (sealed) {
            return false;
        }
        Map<String, Recorder> target = outcome.success() ? ok : err;
        recorder(target, "op:" + CONNECT_OPERATION).recordValue(Math.max(0, latencyNanos / 1000));
        service.recordValue(Math.max(0, serviceNanos / 1000));
        if (!outcome.success()) {
            errorsByClass.merge(outcome.errorClass(), 1L, Long::sum);
        }
        countHandshake(serviceNanos, outcome.success());
        return true;
    }

    /**
     * Records a session open (successful or not).
     *
     * @return false when the measurements are sealed
     */
    public synchronized boolean recordHandshake(long nanos, boolean success) {
        if (sealed) {
            return false;
        }
        countHandshake(nanos, success);
        return true;
    }

    private void countHandshake(long nanos, boolean success) {
        if (success) {
            handshake.recordValue(Math.max(0, nanos / 1000));
            sessionsOpened++;
        } else {
            sessionOpenFailures++;
        }
    }

    private static Recorder recorder(Map<String, Recorder> map, String key) {
        return map.computeIfAbsent(key, k -> new Recorder(DIGITS));
    }

    /** Stops recording; returns 1 if an iteration was still running (it is cut off), else 0. */
    synchronized int seal() {
        sealed = true;
        return busy ? 1 : 0;
    }

    synchronized void drainInto(IntervalData data) {
        ok.forEach((k, r) -> data.addOk(k, r.getIntervalHistogram()));
        err.forEach((k, r) -> data.addErr(k, r.getIntervalHistogram()));
        data.service().add(service.getIntervalHistogram());
        data.handshake().add(handshake.getIntervalHistogram());
        errorsByClass.forEach((k, v) -> data.errorsByClass().merge(k, v, Long::sum));
        errorsByClass.clear();
        data.addWorkerCounters(iterations, sessionsOpened, sessionOpenFailures);
        iterations = 0;
        sessionsOpened = 0;
        sessionOpenFailures = 0;
    }
}
