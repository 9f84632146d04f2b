package dev.jmcp.transport.http;

import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.McpServer;

/**
 * What the HTTP server needs from an MCP server: serve a connection. This is the only place the HTTP module
 * touches the server, so {@code McpServer} plugs in with {@code SessionConnector.of(mcpServer)} (or a method
 * reference pair) and tests can plug in a bare {@link dev.jmcp.core.session.McpSession}.
 *
 * <p>Both methods must start serving the transport (call {@link Transport#start}) before they return. The
 * returned handle is closed when the HTTP side ends the connection; closing the transport is also enough.
 */
public interface SessionConnector {

    /** Serves a handshake-era session (initialize first) that may also carry 2026-07-28 stateless requests. */
    AutoCloseable connect(Transport transport);

    /** Serves one stateless exchange: no initialize expected; every request stands alone. */
    AutoCloseable connectStateless(Transport transport);

    /** The connector serving {@code server}'s sessions. */
    static SessionConnector of(McpServer server) {
        java.util.Objects.requireNonNull(server, "server");
        return new SessionConnector() {
            @Override
            public AutoCloseable connect(Transport transport) {
                return server.connect(transport);
            }

            @Override
            public AutoCloseable connectStateless(Transport transport) {
                return server.connectStateless(transport);
            }
        };
    }
}
