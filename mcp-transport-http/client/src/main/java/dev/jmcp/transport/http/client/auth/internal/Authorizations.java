package dev.jmcp.transport.http.client.auth.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.transport.http.client.auth.AuthorizationServerMetadata;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.client.auth.TokenStore;
import dev.jmcp.transport.http.client.auth.WwwAuthenticate;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The OAuth client's state machine behind {@code OAuthClientProvider}: one {@link AuthContext} per MCP endpoint,
 * discovery on the first 401 (and again when a sent token is refused), refresh before re-authorization, step-up
 * on {@code insufficient_scope}, and the attempt bound. Authorizations are serialized.
 */
public final class Authorizations {
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final Discovery discovery;
    private final TokenGrant grant;
    private final RefreshTokenGrant refresh;
    private final TokenStore tokenStore;
    private final AuthorizationPolicy policy;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, AuthContext> contexts = new ConcurrentHashMap<>();

    /** Authorizations that obtain tokens with {@code grant} and keep them in {@code tokenStore}. */
    public Authorizations(
            Discovery discovery,
            TokenGrant grant,
            RefreshTokenGrant refresh,
            TokenStore tokenStore,
            AuthorizationPolicy policy,
            Clock clock) {
        this.discovery = discovery;
        this.grant = grant;
        this.refresh = refresh;
        this.tokenStore = tokenStore;
        this.policy = policy;
        this.clock = clock;
    }

    /** The {@code Authorization} header for the endpoint (renewing an expired token first), or none. */
    public Map<String, String> authorizationHeaders(URI mcpEndpoint) {
        AuthContext ctx = contexts.get(Uris.canonicalResource(mcpEndpoint));
        if (ctx == null) {
            return Map.of();
        }
        Optional<OAuthTokens> tokens = tokenStore.load(ctx.key());
        if (tokens.isEmpty()) {
            return Map.of();
        }
        OAuthTokens current = tokens.get();
        if (current.isExpired(clock.instant(), EXPIRY_MARGIN)) {
            current = renew(ctx).orElse(null);
            if (current == null) {
                return Map.of();
            }
        }
        if (!Uris.sameOrigin(URI.create(ctx.resource()), mcpEndpoint)) {
            return Map.of(); // never send a token to another origin
        }
        return Map.of("Authorization", "Bearer " + current.accessToken());
    }

    /** Handles a 401 or 403 from the endpoint; true when the request should be retried with new headers. */
    public boolean onUnauthorized(URI mcpEndpoint, int statusCode, List<String> wwwAuthenticate) {
        if (statusCode != 401 && statusCode != 403) {
            return false;
        }
        WwwAuthenticate challenges = WwwAuthenticate.parseAll(wwwAuthenticate);
        if (statusCode == 403 && !"insufficient_scope".equals(challenges.error())) {
            return false;
        }
        String endpointKey = Uris.canonicalResource(mcpEndpoint);
        lock.lock();
        try {
            AuthContext before = contexts.get(endpointKey);
            AuthContext ctx = current(mcpEndpoint, endpointKey, statusCode, challenges.resourceMetadata());
            boolean fresh = ctx != before;
            Optional<OAuthTokens> stored = tokenStore.load(ctx.key());
            Set<String> challenged = OAuthTokens.splitScopes(challenges.scope());
            Set<String> scopes;
            if (statusCode == 401) {
                if (fresh && stored.isPresent() && !stored.get().isExpired(clock.instant(), EXPIRY_MARGIN)) {
                    return true; // tokens from the store that were not sent yet
                }
                if (stored.isPresent()
                        && stored.get().refreshToken() != null
                        && !ctx.refreshedSinceAuthorization()
                        && refresh.refresh(ctx, stored.get()).isPresent()) {
                    return true;
                }
                scopes = selectScopes(ctx, challenged);
            } else {
                scopes = new LinkedHashSet<>(stored.map(OAuthTokens::scopes).orElse(Set.of()));
                scopes.addAll(challenged);
                if (scopes.isEmpty()) {
                    scopes = selectScopes(ctx, challenged);
                }
            }
            if (!ctx.tryAttempt(clock, policy.maxAuthorizationAttempts())) {
                return false;
            }
            obtain(ctx, scopes);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The endpoint's context, discovered anew when there is none or the challenge names other resource metadata,
     * or when a sent token was refused and the resource now trusts another authorization server (SEP-2352).
     */
    private AuthContext current(URI mcpEndpoint, String endpointKey, int statusCode, String hint) {
        AuthContext ctx = contexts.get(endpointKey);
        if (ctx == null || hint != null && !hint.equals(ctx.resourceMetadataUrl())) {
            Discovery.Result found = discovery.discover(mcpEndpoint, hint);
            AuthContext next = ctx == null ? new AuthContext(found, hint) : ctx.succeededBy(found, hint);
            contexts.put(endpointKey, next);
            return next;
        }
        if (statusCode == 401 && tokenStore.load(ctx.key()).isPresent()) {
            Discovery.Result again = discovery.discover(mcpEndpoint, hint != null ? hint : ctx.resourceMetadataUrl());
            if (!again.issuer().equals(ctx.discovery().issuer())
                    || !again.resource().equals(ctx.discovery().resource())) {
                AuthContext next = ctx.succeededBy(again, ctx.resourceMetadataUrl());
                contexts.put(endpointKey, next);
                return next;
            }
        }
        return ctx;
    }

    private Set<String> selectScopes(AuthContext ctx, Set<String> challenged) {
        Set<String> scopes = new LinkedHashSet<>();
        if (policy.scopesOverride() != null) {
            scopes.addAll(policy.scopesOverride());
        } else if (!challenged.isEmpty()) {
            scopes.addAll(challenged);
        } else if (ctx.discovery().prm() != null && ctx.discovery().prm().scopesSupported() != null) {
            scopes.addAll(ctx.discovery().prm().scopesSupported());
        }
        AuthorizationServerMetadata md = ctx.metadata();
        if (policy.requestOfflineAccess()
                && grant.interactive()
                && !scopes.isEmpty()
                && md.scopesSupported() != null
                && md.scopesSupported().contains("offline_access")) {
            scopes.add("offline_access");
        }
        return scopes;
    }

    private void obtain(AuthContext ctx, Set<String> scopes) {
        String scope = scopes.isEmpty() ? null : String.join(" ", scopes);
        OAuthTokens tokens = grant.obtain(ctx, scope);
        ctx.refreshedSinceAuthorization(false);
        tokenStore.save(ctx.key(), tokens);
    }

    private Optional<OAuthTokens> renew(AuthContext ctx) {
        lock.lock();
        try {
            Optional<OAuthTokens> stored = tokenStore.load(ctx.key());
            if (stored.isPresent() && !stored.get().isExpired(clock.instant(), EXPIRY_MARGIN)) {
                return stored;
            }
            if (stored.isPresent() && stored.get().refreshToken() != null) {
                Optional<OAuthTokens> refreshed = refresh.refresh(ctx, stored.get());
                if (refreshed.isPresent()) {
                    return refreshed;
                }
            }
            if (!grant.interactive()) {
                try {
                    obtain(ctx, stored.map(OAuthTokens::scopes).orElseGet(() -> selectScopes(ctx, Set.of())));
                    return tokenStore.load(ctx.key());
                } catch (McpException e) {
                    tokenStore.remove(ctx.key());
                    return Optional.empty();
                }
            }
            tokenStore.remove(ctx.key());
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }
}
