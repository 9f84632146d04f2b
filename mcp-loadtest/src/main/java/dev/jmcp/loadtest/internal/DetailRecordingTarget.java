package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.loadtest.target.Target;
import dev.jmcp.loadtest.target.TargetSession;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link Target} that passes every call through and records the {@link dev.jmcp.loadtest.target.StepDetail} of
 * progress and task steps. Used only when the configuration has such steps; closing it does not close the target
 * it wraps (its owner does).
 */
final class DetailRecordingTarget implements Target {
    private final Target target;
    private final StepDetailRecorder recorder;

    DetailRecordingTarget(Target target, StepDetailRecorder recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    @Override
    public TargetSession openSession(SessionMode mode) throws Exception {
        TargetSession s = target.openSession(mode);
        return new TargetSession() {
            @Override
            public StepOutcome execute(Step step, Duration timeout) throws InterruptedException {
                long t0 = System.nanoTime();
                StepOutcome o = s.execute(step, timeout);
                if (o.detail() != null) {
                    recorder.record(o.detail(), System.nanoTime() - t0);
                }
                return o;
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public Map<String, String> serverInfo() {
        return target.serverInfo();
    }
}
