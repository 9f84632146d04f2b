package dev.jmcp.transport.http.common;

import dev.jmcp.core.McpException;

/**
 * An OAuth step failed: discovery, registration, authorization or a token request. When the authorization
 * server answered with an OAuth error, {@link #error()} holds its code (e.g. {@code invalid_grant}).
 */
public class OAuthException extends McpException {
    private static final long serialVersionUID = 1L;

    /** The authorization server's OAuth error code, or {@code null} when it sent none. */
    private final String error;

    /**
     * Creates an exception without an OAuth error code.
     *
     * @param message the detail message
     */
    public OAuthException(String message) {
        this(message, null, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public OAuthException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates an exception carrying the OAuth error code the server returned (may be null).
     *
     * @param message the detail message
     * @param error the OAuth error code the authorization server returned, or null
     * @param cause the underlying failure
     */
    public OAuthException(String message, String error, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /**
     * The OAuth error code the server returned, or null.
     *
     * @return the OAuth error code the server returned, or null
     */
    public String error() {
        return error;
    }
}
