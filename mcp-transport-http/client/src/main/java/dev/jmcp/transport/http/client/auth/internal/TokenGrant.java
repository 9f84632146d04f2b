package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.transport.http.client.auth.OAuthTokens;

/** One way of obtaining tokens from an authorization server (an OAuth grant). */
public interface TokenGrant {
    /**
     * Obtains tokens for the context's resource.
     *
     * @param scope the space-separated scope to request, or null for none
     * @throws dev.jmcp.transport.http.common.OAuthException when the grant fails or is refused
     */
    OAuthTokens obtain(AuthContext ctx, String scope);

    /**
     * Whether the grant needs the user (the authorization code flow): it asks for {@code offline_access} so it
     * can be refreshed, and an expired token is never renewed by running it silently.
     */
    default boolean interactive() {
        return false;
    }
}
