package dev.jmcp.client;

/**
 * Receives one server notification method of a {@link ClientExtension}, with its params bound to {@code P}. Runs
 * on the session's delivery thread: keep it short. A failure is logged.
 *
 * @param <P> the params type (a record or POJO bound by Jackson, or {@code JsonNode} for the raw params)
 */
@FunctionalInterface
public interface ClientExtensionNotificationHandler<P> {
    /**
     * Handles the notification's params.
     *
     * @param params the params, bound to {@code P}
     * @throws Exception any failure; it is logged
     */
    void handle(P params) throws Exception;
}
