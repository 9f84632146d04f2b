package dev.jmcp.transport.http.client;

import dev.jmcp.core.McpTransportException;

/** An HTTP exchange with the MCP endpoint failed with an unexpected status. */
public class McpHttpException extends McpTransportException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String body;

    /** Creates an exception for {@code statusCode} with the (possibly truncated) response body. */
    public McpHttpException(int statusCode, String body) {
        super("HTTP " + statusCode + (body == null || body.isEmpty() ? "" : ": " + truncate(body)));
        this.statusCode = statusCode;
        this.body = body == null ? "" : body;
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** The response body as text (may be empty). */
    public String body() {
        return body;
    }

    private static String truncate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
