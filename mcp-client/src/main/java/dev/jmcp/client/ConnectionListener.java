package dev.jmcp.client;

/**
 * Told when the client connected to the server again (registered with
 * {@link McpClientBuilder#onReconnected(ConnectionListener)}): after a new session replaced one the server no
 * longer knew, or after {@link McpClient#connect()} was called again once the connection was lost. Runs on the
 * session's delivery thread: keep it short.
 */
@FunctionalInterface
public interface ConnectionListener {
    /**
     * The client is connected again; {@code server} is what the server told this time.
     *
     * @param server the server
     */
    void onReconnected(ServerDescription server);
}
