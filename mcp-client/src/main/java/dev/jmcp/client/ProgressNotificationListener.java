package dev.jmcp.client;

import dev.jmcp.core.protocol.notifications.ProgressNotification;

/**
 * Receives every {@code notifications/progress} the server sends, whatever request it belongs to. For one call's
 * progress, pass a listener in {@link CallOptions} instead.
 */
@FunctionalInterface
public interface ProgressNotificationListener {
    /**
     * One progress notification.
     *
     * @param progress the progress
     */
    void onProgress(ProgressNotification progress);
}
