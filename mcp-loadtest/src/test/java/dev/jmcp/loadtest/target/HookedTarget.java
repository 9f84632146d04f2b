package dev.jmcp.loadtest.target;

import java.time.Duration;

/**
 * A target for tests: opens its sessions on another target and passes every step's outcome through a hook, which
 * may observe it (count requests, stop the run) or replace it (inject a classified failure).
 */
public final class HookedTarget implements Target {
    /** Sees each step's outcome as the delegate produced it and returns the outcome the engine gets. */
    @FunctionalInterface
    public interface StepHook {
        /** The outcome to report for {@code step}, given the delegate's {@code outcome}. */
        StepOutcome after(Step step, StepOutcome outcome);
    }

    private final Target delegate;
    private final String description;
    private final StepHook hook;

    /** Wraps {@code delegate}; {@code description} is what reports show as the target. */
    public HookedTarget(Target delegate, String description, StepHook hook) {
        this.delegate = delegate;
        this.description = description;
        this.hook = hook;
    }

    @Override
    public TargetSession openSession(SessionMode mode) throws Exception {
        TargetSession session = delegate.openSession(mode);
        return new TargetSession() {
            @Override
            public StepOutcome execute(Step step, Duration timeout) throws InterruptedException {
                return hook.after(step, session.execute(step, timeout));
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
