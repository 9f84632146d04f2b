package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.transport.AuthInfo;

/** Validates an access token presented to an MCP server (OAuth 2.1 §5.2), including its audience. */
@FunctionalInterface
public interface TokenValidator {
    /**
     * Validates the token and returns its principal.
     *
     * @param token the bearer token from the {@code Authorization} header
     * @return the token's principal
     * @throws TokenValidationException when the token must be refused
     */
    AuthInfo validate(String token);
}
