package dev.jmcp.transport.http.auth;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The principal behind a validated access token. {@link #toString()} never shows the token.
 *
 * @param token the access token (do not pass it to upstream APIs)
 * @param clientId the OAuth client the token was issued to, or null
 * @param subject the user ({@code sub}), or null; bind per-user state to this, not to the MCP session
 * @param scopes the granted scopes
 * @param expiresAt the expiry, or null when unknown
 * @param claims every claim (JWT claims or introspection response)
 */
public record AuthInfo(
        String token, String clientId, String subject, Set<String> scopes, Instant expiresAt, JsonNode claims) {
    /** Copies the scopes. */
    public AuthInfo {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "AuthInfo[token=<redacted>, clientId=" + clientId + ", subject=" + subject + ", scopes=" + scopes
                + ", expiresAt=" + expiresAt + "]";
    }
}
