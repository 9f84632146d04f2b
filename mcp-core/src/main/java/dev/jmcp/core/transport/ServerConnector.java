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

    /**
     * Serves a handshake-era session ({@code initialize} first) that may also carry 2026-07-28 requests.
     *
     * @param transport the transport to serve
     * @return the connection, closed when the transport ends it
     */
    ServerConnection connect(Transport transport);

    /**
     * Serves one stateless exchange: no {@code initialize} expected; every request stands alone.
     *
     * @param transport the transport of the exchange
     * @return the connection, closed when the transport ends it
     */
    ServerConnection connectStateless(Transport transport);

    /**
     * Serves a handshake-era session that was opened earlier, possibly by another instance of a scaled-out server
     * that shares its session store: the session is rebuilt from the store under {@link Transport#sessionId()}, with
     * no new {@code initialize}, and starts serving {@code transport}. Returns null, and leaves the transport
     * unstarted, when the session is unknown, expired, or bound to another caller than {@code caller} (the
     * transport then answers 404). The default (a server without a shared session store) knows no session.
     *
     * @param transport the transport of this instance's copy of the session; its {@code sessionId()} names it
     * @param caller the context of the request that named the session (its {@link AuthInfo} must own it)
     * @return the resumed connection, or null when the session cannot be resumed
     */
    default ServerConnection resume(Transport transport, InboundContext caller) {
        return null;
    }
}
