package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.client.auth.TokenStore;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The refresh token grant: exchanges a refresh token for new tokens (keeping the old refresh token when none is
 * issued) and stores them; a refused refresh removes the stored tokens.
 */
public final class RefreshTokenGrant {
    private final OAuthHttp http;
    private final ClientIdentities identities;
    private final TokenStore tokenStore;
    private final Clock clock;

    /** The grant, storing into {@code tokenStore}. */
    public RefreshTokenGrant(OAuthHttp http, ClientIdentities identities, TokenStore tokenStore, Clock clock) {
        this.http = http;
        this.identities = identities;
        this.tokenStore = tokenStore;
        this.clock = clock;
    }

    /** Refreshes {@code old}; empty when the authorization server refused. */
    public Optional<OAuthTokens> refresh(AuthContext ctx, OAuthTokens old) {
        ctx.refreshedSinceAuthorization(true);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", old.refreshToken());
        form.put("resource", ctx.resource());
        try {
            OAuthTokens fresh = TokenEndpoint.request(
                    http, ctx.tokenEndpoint(), form, identities.clientAuth(ctx), old.scope(), clock);
            if (fresh.refreshToken() == null) {
                fresh = new OAuthTokens(
                        fresh.accessToken(), fresh.tokenType(), old.refreshToken(), fresh.expiresAt(), fresh.scope());
            }
            tokenStore.save(ctx.key(), fresh);
            return Optional.of(fresh);
        } catch (McpException e) {
            tokenStore.remove(ctx.key());
            return Optional.empty();
        }
    }
}
