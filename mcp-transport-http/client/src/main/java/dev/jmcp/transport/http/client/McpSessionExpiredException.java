package dev.jmcp.transport.http.client;

import dev.jmcp.core.transport.SessionExpired;

/**
 * The server answered 404 to a request carrying an {@code Mcp-Session-Id}: the session ended or expired. The
 * client transport has already forgotten the session id (and the negotiated version header), so the client
 * re-initializes simply by sending {@code initialize} again on the same transport. {@code McpClient} finds this
 * exception (a {@link SessionExpired}) in the cause chain of the failed request and starts a new session.
 */
public final class McpSessionExpiredException extends McpHttpException implements SessionExpired {
    private static final long serialVersionUID = 1L;

    /** The {@code Mcp-Session-Id} of the session that ended. */
    private final String sessionId;

    /**
     * Creates the exception for the session that expired.
     *
     * @param sessionId the {@code Mcp-Session-Id} the server no longer knows
     * @param body the body of the 404 answer, or null
     */
    public McpSessionExpiredException(String sessionId, String body) {
        super(404, body);
        this.sessionId = sessionId;
    }

    /** The id of the session the server no longer knows. */
    @Override
    public String sessionId() {
        return sessionId;
    }
}
