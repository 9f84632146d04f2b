package dev.jmcp.transport.stdio;

import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Runs an MCP server (any {@link ServerConnector}, such as {@code McpServer}) on this process's stdin and stdout, the way an MCP host launches a local server.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     McpServer server = McpServer.builder().name("weather").version("1.0.0") ... .build();
 *     StdioServer.serve(server); // returns when the client closes stdin
 * }
 * }</pre>
 *
 * <p>Before the first message is read, the real stdout is captured for the protocol and {@link System#out} is
 * pointed at stderr, so stray prints cannot corrupt the stream. Log to stderr (or a file), never to stdout.
 */
public final class StdioServer {
    private StdioServer() {}

    /**
     * Serves {@code server} on {@code System.in}/{@code System.out} and blocks until stdin reaches its end (the
     * client closed it) or the session is closed. Closes the session, not the server.
     *
     * @param server the server
     */
    public static void serve(ServerConnector server) {
        serve(server, StdioServerTransport.ofSystemStreams());
    }

    /**
     * Serves {@code server} on {@code transport} and blocks until the transport or the session closes.
     *
     * @param server the server
     * @param transport the transport
     */
    public static void serve(ServerConnector server, StdioServerTransport transport) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        ServerConnection session = server.connect(transport);
        try {
            session.closeFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the session ended with an error; it is closed either way
        } finally {
            session.close();
            transport.close();
        }
    }
}
