package dev.jmcp.core.session;

/**
 * Handles inbound notifications of one method. Notifications of a session are delivered one at a time, in
 * arrival order, on the session's delivery executor; a handler that throws is logged and does not stop delivery.
 */
@FunctionalInterface
public interface NotificationHandler {
    /**
     * Handles the notification.
     *
     * @param notification the inbound notification, with its params and context
     * @throws Exception when handling fails; the session logs it and goes on delivering
     */
    void handle(InboundNotification notification) throws Exception;
}
