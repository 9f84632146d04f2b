package dev.jmcp.loadtest.internal;

/**
 * Whether a run goes on: the first reason to stop it (Ctrl+C, the iteration limit, a breaking point, ...) and
 * whether the engine is already shutting down. Read by every worker, written by the engine and its callers.
 */
final class RunControl {
    private volatile String stopReason;
    private volatile boolean shuttingDown;

    /** Asks the run to stop; only the first reason counts. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Whether someone asked the run to stop. */
    boolean stopRequested() {
        return stopReason != null;
    }

    /** The reason the run stopped, {@code completed} when nobody gave one. */
    String reason() {
        return stopReason == null ? "completed" : stopReason;
    }

    /** Marks the start of the shutdown: no new work starts after this. */
    void shutDown() {
        shuttingDown = true;
    }

    /** Whether workers may start more work: nobody asked to stop and the shutdown has not begun. */
    boolean running() {
        return !shuttingDown && stopReason == null;
    }
}
