package dev.jmcp.loadtest.target;

import java.time.Duration;

/** One connection to the server under test, as one virtual user sees it. Used by one thread at a time. */
public interface TargetSession extends AutoCloseable {
    /**
     * Performs one step. Never throws for server-side or connection failures: returns an outcome classifying
     * them.
     *
     * @param step the step
     * @param timeout how long the step may take
     * @return the step's outcome: success, or the class of failure
     * @throws InterruptedException if the calling thread is interrupted (the run is stopping)
     */
    StepOutcome execute(Step step, Duration timeout) throws InterruptedException;

    /** Closes the session (for HTTP: DELETE it); never throws. */
    @Override
    void close();
}
