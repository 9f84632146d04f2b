package dev.jmcp.loadtest.target;

/** How virtual users hold sessions with the server under test. */
public enum SessionMode {
    /** One session per virtual user (or open-model worker), kept for the whole run. */
    PERSISTENT,
    /** A new session for every scenario iteration: initialize, steps, close (session churn). */
    PER_ITERATION,
    /** Stateless requests (protocol revision 2026-07-28): no initialize handshake, no session id. */
    STATELESS,
    /**
     * Like {@link #PER_ITERATION}, but a session is abandoned instead of closed: no HTTP {@code DELETE}, as a client
     * that crashes or loses its network would leave it (the server keeps it until its idle expiry). Over stdio the
     * process still ends.
     */
    PER_ITERATION_ABANDON;

    /**
     * Whether every iteration opens its own session ({@link #PER_ITERATION} or {@link #PER_ITERATION_ABANDON}).
     *
     * @return whether every iteration opens its own session ({@link #PER_ITERATION} or {@link #PER_ITERATION_ABANDON})
     */
    public boolean perIteration() {
        return this == PER_ITERATION || this == PER_ITERATION_ABANDON;
    }
}
