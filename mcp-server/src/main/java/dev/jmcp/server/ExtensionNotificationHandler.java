package dev.jmcp.server;

/**
 * Receives one notification method of a {@link ServerExtension} from a client, with its params bound to
 * {@code P}. Runs on the session's delivery thread: keep it short. A failure is logged.
 *
 * @param <P> the params type (a record or POJO bound by Jackson, or {@code JsonNode} for the raw params)
 */
@FunctionalInterface
public interface ExtensionNotificationHandler<P> {
    /**
     * Handles the notification.
     *
     * @param params the notification's params
     * @param session the connection it arrived on
     * @throws Exception any failure; it is logged
     */
    void handle(P params, ServerSession session) throws Exception;
}
