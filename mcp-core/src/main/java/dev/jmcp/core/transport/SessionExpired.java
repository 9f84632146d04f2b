package dev.jmcp.core.transport;

/**
 * Marks a transport failure that means the peer no longer knows the session the request was sent in (Streamable
 * HTTP: 404 to a request carrying {@code Mcp-Session-Id}, after a server restart or a session expiry). The peer did
 * not process the request, and the transport has already forgotten the session, so sending {@code initialize}
 * again on the same transport starts a new one. Clients find it in the cause chain of the failed request.
 */
public interface SessionExpired {
    /**
     * The id of the session the peer no longer knows.
     *
     * @return the id of the session the peer no longer knows
     */
    String sessionId();
}
