package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.transport.http.common.OAuthException;

/** A token is invalid: bad signature, expired, wrong issuer or audience, inactive, or unreadable. */
public class TokenValidationException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception saying why the token was refused (the message never contains the token).
     *
     * @param message the detail message
     */
    public TokenValidationException(String message) {
        super(message, "invalid_token", null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public TokenValidationException(String message, Throwable cause) {
        super(message, "invalid_token", cause);
    }
}
