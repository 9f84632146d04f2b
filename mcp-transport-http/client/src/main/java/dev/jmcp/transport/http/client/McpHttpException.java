package dev.jmcp.transport.http.client;

import dev.jmcp.core.McpTransportException;

/** An HTTP exchange with the MCP endpoint failed with an unexpected status. */
public class McpHttpException extends McpTransportException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status the endpoint answered with. */
    private final int statusCode;
    /** The response body as text (empty when there was none). */
    private final String body;

    /**
     * Creates an exception for {@code statusCode} with the (possibly truncated) response body.
     *
     * @param statusCode the HTTP status the endpoint answered with
     * @param body the response body, or null
     */
    public McpHttpException(int statusCode, String body) {
        super("HTTP " + statusCode + (body == null || body.isEmpty() ? "" : ": " + truncate(body)));
        this.statusCode = statusCode;
        this.body = body == null ? "" : body;
    }

    /**
     * The HTTP status code.
     *
     * @return the HTTP status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The response body as text (may be empty).
     *
     * @return the response body as text (may be empty)
     */
    public String body() {
        return body;
    }

    private static String truncate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
