package dev.jmcp.core.transport;

/**
 * The server side of a connection, as a server transport sees it: something that serves MCP on a
 * {@link Transport}. {@code McpServer} implements it; transports (stdio, the HTTP servlet) depend on this
 * contract only, never on the server module, and tests can plug in a bare session.
 *
 * <p>Both methods start serving the transport (call {@link Transport#start}) before they return. The returned
 * connection is closed when the transport side ends it; closing the transport is also enough.
 */
public interface ServerConnector {

    /** Serves a handshake-era session ({@code initialize} first) that may also carry 2026-07-28 requests. */
    ServerConnection connect(Transport transport);

    /** Serves one stateless exchange: no {@code initialize} expected; every request stands alone. */
    ServerConnection connectStateless(Transport transport);
}
