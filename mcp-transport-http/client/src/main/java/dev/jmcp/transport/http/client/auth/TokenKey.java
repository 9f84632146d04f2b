package dev.jmcp.transport.http.client.auth;

import java.util.Objects;

/**
 * Which tokens a {@link TokenStore} entry holds: those for one protected resource issued by one authorization
 * server. A token is never used for another resource or taken from another issuer.
 *
 * @param resource the canonical resource URI (RFC 8707)
 * @param issuer the authorization server's issuer URL
 */
public record TokenKey(String resource, String issuer) {
    /**
     * Checks both parts are present.
     *
     * @param resource the canonical resource URI (RFC 8707)
     * @param issuer the authorization server's issuer URL
     */
    public TokenKey {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(issuer, "issuer");
    }
}
