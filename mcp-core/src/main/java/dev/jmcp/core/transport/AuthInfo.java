package dev.jmcp.core.transport;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An authenticated caller, as a transport's token validation established it. Its {@link #toString()} never
 * shows the token.
 *
 * @param token the bearer token presented
 * @param clientId the OAuth client id, or null
 * @param subject the end user ({@code sub}), or null for a machine client
 * @param scopes the granted scopes
 * @param expiresAt when the token expires, or null
 * @param claims further claims (JWT claims or introspection fields)
 */
public record AuthInfo(
        String token,
        String clientId,
        String subject,
        Set<String> scopes,
        Instant expiresAt,
        Map<String, Object> claims) {

    /** Copies the collections. */
    public AuthInfo {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** Who this caller is for binding sessions and tasks: the subject, else the client id, else null. */
    public String principal() {
        return subject != null ? subject : clientId;
    }

    @Override
    public String toString() {
        return "AuthInfo[clientId=" + clientId + ", subject=" + subject + ", scopes=" + scopes + ", expiresAt="
                + expiresAt + ", token=<redacted>]";
    }
}
