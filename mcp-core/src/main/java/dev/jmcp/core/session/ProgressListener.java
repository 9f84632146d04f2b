package dev.jmcp.core.session;

/** Receives {@code notifications/progress} for one outbound request, in arrival order. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * One progress update.
     *
     * @param progress the progress so far; increases with every update
     * @param total the total, or null when unknown
     * @param message a human-readable message, or null
     */
    void onProgress(double progress, Double total, String message);
}
