package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.transport.AuthInfo;

/** What {@link ResourceServerAuth#authenticate(String)} decided: let the request in, or answer a challenge. */
public sealed interface AuthOutcome permits AuthOutcome.Authenticated, AuthOutcome.Challenge {
    /**
     * The token is valid and carries the required scopes.
     *
     * @param info the principal
     */
    record Authenticated(AuthInfo info) implements AuthOutcome {}

    /**
     * The request must be refused with this status and {@code WWW-Authenticate} header.
     *
     * @param status 401 (missing or invalid token), 403 (insufficient scope) or 400 (malformed request)
     * @param wwwAuthenticate the exact {@code WWW-Authenticate} header value
     * @param error the OAuth error code, or null when the request carried no credentials
     * @param errorDescription a human-readable description, or null
     */
    record Challenge(int status, String wwwAuthenticate, String error, String errorDescription)
            implements AuthOutcome {}
}
