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

    /**
     * Copies the collections.
     *
     * @param token the bearer token presented
     * @param clientId the OAuth client id, or null
     * @param subject the end user ({@code sub}), or null for a machine client
     * @param scopes the granted scopes
     * @param expiresAt when the token expires, or null
     * @param claims further claims (JWT claims or introspection fields)
     */
    public AuthInfo {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /**
     * A key naming this caller with no ambiguity between kinds of principal: {@code sub:<issuer> <subject>} (the
     * issuer from the {@code iss} claim, length-prefixed, empty when absent) for an end user, else {@code
     * client:<client id>} for a machine client, else null. A user whose {@code sub} equals some client's id is
     * another owner. Tasks and {@code input_required} state are bound to it.
     *
     * @return a key naming this caller with no ambiguity between kinds of principal
     */
    public String ownerKey() {
        if (subject != null) {
            Object iss = claims.get("iss");
            String issuer = iss == null ? "" : iss.toString();
            return "sub:" + issuer.length() + ":" + issuer + " " + subject;
        }
        return clientId != null ? "client:" + clientId : null;
    }

    /**
     * Who this caller is: the subject, else the client id, else null (see {@link #ownerKey()} for binding).
     *
     * @return who this caller is: the subject, else the client id, else null (see {@link #ownerKey()} for binding)
     */
    public String principal() {
        return subject != null ? subject : clientId;
    }

    @Override
    public String toString() {
        return "AuthInfo[clientId=" + clientId + ", subject=" + subject + ", scopes=" + scopes + ", expiresAt="
                + expiresAt + ", token=<redacted>]";
    }
}
