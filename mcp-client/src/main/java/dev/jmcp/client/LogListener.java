package dev.jmcp.client;

import dev.jmcp.core.protocol.logging.LoggingMessageNotification;

/** Receives the server's log messages ({@code notifications/message}). */
@FunctionalInterface
public interface LogListener {
    /**
     * One log message.
     *
     * @param message the message
     */
    void onLog(LoggingMessageNotification message);
}
