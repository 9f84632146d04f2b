package dev.jmcp.loadtest.target;

/** How virtual users hold sessions with the server under test. */
public enum SessionMode {
    /** One session per virtual user (or open-model worker), kept for the whole run. */
    PERSISTENT,
    /** A new session for every scenario iteration: initialize, steps, close (session churn). */
    PER_ITERATION,
    /** Stateless requests (protocol revision 2026-07-28): no initialize handshake, no session id. */
    STATELESS
}
