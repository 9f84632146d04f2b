package dev.jmcp.server.internal;

import dev.jmcp.server.ServerOutcome;

/**
 * The answer a request got before its handler returned (a handler timeout answers at once), kept so the
 * interceptors see what the client received rather than the handler's late, dropped return.
 */
final class EarlyOutcome {
    private volatile ServerOutcome outcome;

    /** Records the early answer (the first one wins: a request is answered once). */
    synchronized void record(ServerOutcome answer) {
        if (outcome == null) {
            outcome = answer;
        }
    }

    /** The early answer, or null when the request was not answered early. */
    ServerOutcome get() {
        return outcome;
    }
}
