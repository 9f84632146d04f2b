package dev.jmcp.transport.http.client.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the HTTP client transport asks before and after each request to the MCP endpoint. Implementations
 * are thread-safe.
 */
public interface HttpAuthorizer {
    /**
     * Headers to add to a request to the MCP endpoint (e.g. Authorization: Bearer ...); empty if no token yet.
     *
     * @param mcpEndpoint the MCP endpoint
     * @return headers to add to a request to the MCP endpoint (e.g. Authorization: Bearer ...); empty if no token yet
     */
    Map<String, String> authorizationHeaders(URI mcpEndpoint);

    /**
     * Called on a 401 or 403 answer; returns true when the request should be retried (new token obtained).
     *
     * @param mcpEndpoint the MCP endpoint that answered
     * @param statusCode the HTTP status: 401 or 403
     * @param wwwAuthenticate the answer's {@code WWW-Authenticate} header values
     * @return true when the request should be retried (a new token was obtained)
     */
    boolean onUnauthorized(URI mcpEndpoint, int statusCode, List<String> wwwAuthenticate);
}
