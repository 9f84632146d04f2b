package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Recorder;

/**
 * One worker's (virtual user's) recorders, in microseconds: latency per operation and per tool, split into
 * successes and errors, plus service time and session handshakes. The collector drains them every interval.
 */
public final class WorkerMetrics {
    static final int DIGITS = 3;

    /** The operation name of session opens in per-iteration mode. */
    public static final String CONNECT_OPERATION = "session/connect";

    private final Map<String, Recorder> ok = new ConcurrentHashMap<>();
    private final Map<String, Recorder> err = new ConcurrentHashMap<>();
    private final Recorder service = new Recorder(DIGITS);
    private final Recorder handshake = new Recorder(DIGITS);
    private final MetricsHub hub;

    WorkerMetrics(MetricsHub hub) {
        this.hub = hub;
    }

    /** Records one real request: latency from its intended start, service time from its actual send. */
    public void record(Step step, StepOutcome outcome, long latencyNanos, long serviceNanos) {
        Map<String, Recorder> target = outcome.success() ? ok : err;
        long latencyUs = Math.max(0, latencyNanos / 1000);
        recorder(target, "op:" + step.operation().method()).recordValue(latencyUs);
        if (step.operation() == Operation.TOOLS_CALL) {
            recorder(target, "tool:" + step.name()).recordValue(latencyUs);
        }
        service.recordValue(Math.max(0, serviceNanos / 1000));
        if (!outcome.success()) {
            hub.countError(outcome.errorClass());
        }
    }

    /**
     * Records a per-iteration session open as the operation {@value #CONNECT_OPERATION} (latency from the
     * iteration's intended start, service time from the actual connect).
     */
    public void recordConnect(StepOutcome outcome, long latencyNanos, long serviceNanos) {
        Map<String, Recorder> target = outcome.success() ? ok : err;
        recorder(target, "op:" + CONNECT_OPERATION).recordValue(Math.max(0, latencyNanos / 1000));
        service.recordValue(Math.max(0, serviceNanos / 1000));
        if (!outcome.success()) {
            hub.countError(outcome.errorClass());
        }
    }

    /** Records a session open (successful or not). */
    public void recordHandshake(long nanos, boolean success) {
        if (success) {
            handshake.recordValue(Math.max(0, nanos / 1000));
        }
        hub.countSessionOpen(success);
    }

    private static Recorder recorder(Map<String, Recorder> map, String key) {
        Recorder r = map.get(key);
        return r != null ? r : map.computeIfAbsent(key, k -> new Recorder(DIGITS));
    }

    void drainInto(IntervalData data) {
        ok.forEach((k, r) -> data.addOk(k, r.getIntervalHistogram()));
        err.forEach((k, r) -> data.addErr(k, r.getIntervalHistogram()));
        data.service().add(service.getIntervalHistogram());
        data.handshake().add(handshake.getIntervalHistogram());
    }
}
