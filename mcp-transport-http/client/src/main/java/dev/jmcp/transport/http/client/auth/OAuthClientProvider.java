package dev.jmcp.transport.http.client.auth;

import dev.jmcp.core.McpException;
import dev.jmcp.transport.http.client.auth.internal.Discovery;
import dev.jmcp.transport.http.client.auth.internal.Pem;
import dev.jmcp.transport.http.client.auth.internal.Pkce;
import dev.jmcp.transport.http.client.auth.internal.TokenEndpoint;
import dev.jmcp.transport.http.client.auth.internal.TokenEndpoint.ClientAuth;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth 2.1 client for MCP servers, used by the HTTP client transport through {@link HttpAuthorizer}.
 *
 * <p>On a 401 it discovers the protected resource metadata (the challenge's {@code resource_metadata}, then the
 * well-known URLs), checks that the metadata's resource covers the endpoint, discovers the authorization server
 * (RFC 8414 and OpenID Connect, in the MCP order, with the 2025-03-26 fallbacks), picks a client identity
 * (pre-registered, client ID metadata document, or dynamic registration), and obtains a token with the
 * authorization code flow (PKCE S256, {@code state}, RFC 8707 {@code resource}, RFC 9207 {@code iss}) or the
 * client credentials grant. On a 403 {@code insufficient_scope} it re-authorizes with the union of the granted
 * and the challenged scopes; at most {@link Builder#maxStepUpAttempts} authorizations per server within ten
 * minutes. Expired tokens are refreshed before use.
 *
 * <p>Scope selection: the builder's scopes override, else the challenge's {@code scope}, else every scope the
 * resource metadata lists, else no {@code scope} parameter; {@code offline_access} is added only when the
 * authorization server lists it in {@code scopes_supported}.
 *
 * <p>Authorization server checks: the metadata's {@code issuer} must equal the issuer named by the resource
 * metadata (RFC 8414 §3.3), and an authorization response's {@code iss} must equal it exactly (RFC 9207; required
 * when the server advertises it). A 401 for a token that was accepted before triggers discovery again: when the
 * resource now names another authorization server, the client registers there anew (credentials are kept per
 * issuer, SEP-2352). Dynamic registration sends {@code application_type} {@code native} for loopback redirect URIs
 * and {@code web} otherwise, with the {@code refresh_token} grant.
 *
 * <p>Grants: authorization code (default), client credentials ({@link Builder#clientCredentialsGrant()}), or
 * cross-app access ({@link Builder#crossAppAccess(URI, String, String, java.util.function.Supplier)}).
 *
 * <p>Tokens are kept in the {@link TokenStore} under the resource and issuer, sent only to the origin of the
 * resource they were issued for, and never logged. Thread-safe; authorizations are serialized.
 */
public final class OAuthClientProvider implements HttpAuthorizer {
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(10);

    private enum Grant {
        AUTHORIZATION_CODE,
        CLIENT_CREDENTIALS,
        CROSS_APP_ACCESS
    }

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String ID_JAG = "urn:ietf:params:oauth:token-type:id-jag";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";

    /**
     * The identity provider side of cross-app access.
     *
     * @param tokenEndpoint the IdP's token endpoint
     * @param clientId this client's id at the IdP
     * @param clientSecret its secret at the IdP, or null for a public client
     * @param idToken supplies the user's current ID token
     */
    private record CrossApp(
            URI tokenEndpoint, String clientId, String clientSecret, java.util.function.Supplier<String> idToken) {}

    private record Identity(String clientId, String clientSecret, String method) {}

    private static final class Context {
        final Discovery.Result discovery;
        final String resourceMetadataUrl;
        final TokenKey key;
        final java.util.ArrayDeque<Instant> attempts = new java.util.ArrayDeque<>();
        boolean refreshedSinceAuthorization;

        Context(Discovery.Result discovery, String resourceMetadataUrl) {
            this.discovery = discovery;
            this.resourceMetadataUrl = resourceMetadataUrl;
            this.key = new TokenKey(discovery.resource(), discovery.issuer());
        }
    }

    private final OAuthHttp http;
    private final Discovery discovery;
    private final Grant grant;
    private final OAuthClientMetadata clientMetadata;
    private final String clientId;
    private final String clientSecret;
    private final String tokenEndpointAuthMethod;
    private final PrivateKey privateKey;
    private final String clientIdMetadataUrl;
    private final Map<String, Identity> preRegistered;
    private final CrossApp crossApp;
    private final boolean dynamicRegistration;
    private final URI redirectUri;
    private final AuthorizationCodeHandler codeHandler;
    private final TokenStore tokenStore;
    private final List<String> scopesOverride;
    private final int maxAuthorizationAttempts;
    private final Duration authorizationTimeout;
    private final boolean requestOfflineAccess;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();
    private final Map<String, Identity> registrations = new ConcurrentHashMap<>();

    private OAuthClientProvider(Builder b) {
        this.http = new OAuthHttp(b.httpClient, b.requestTimeout);
        this.discovery = new Discovery(http);
        this.grant = b.grant;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.tokenEndpointAuthMethod = b.tokenEndpointAuthMethod;
        this.privateKey = b.privateKey;
        this.clientIdMetadataUrl = b.clientIdMetadataUrl;
        this.preRegistered = Map.copyOf(b.preRegistered);
        this.crossApp = b.crossApp;
        this.dynamicRegistration = b.dynamicRegistration;
        this.codeHandler = b.codeHandler;
        this.tokenStore = b.tokenStore;
        this.scopesOverride = b.scopes;
        this.maxAuthorizationAttempts = b.maxAuthorizationAttempts;
        this.authorizationTimeout = b.authorizationTimeout;
        this.requestOfflineAccess = b.requestOfflineAccess;
        this.clock = b.clock;
        URI redirect = b.redirectUri;
        if (redirect == null && codeHandler != null) {
            redirect = codeHandler.redirectUri().orElse(null);
        }
        this.redirectUri = redirect;
        OAuthClientMetadata md = b.clientMetadata != null
                ? b.clientMetadata
                : OAuthClientMetadata.of("jmcp", "").withRedirectUris(List.of());
        if (redirect != null && !md.redirectUris().contains(redirect.toString())) {
            // the registered redirect URIs must contain the one the authorization request uses
            List<String> uris = new ArrayList<>(md.redirectUris());
            uris.add(0, redirect.toString());
            md = md.withRedirectUris(uris);
        }
        this.clientMetadata = md;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, String> authorizationHeaders(URI mcpEndpoint) {
        Context ctx = contexts.get(Uris.canonicalResource(mcpEndpoint));
        if (ctx == null) {
            return Map.of();
        }
        Optional<OAuthTokens> tokens = tokenStore.load(ctx.key);
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
        if (!Uris.sameOrigin(URI.create(ctx.discovery.resource()), mcpEndpoint)) {
            return Map.of(); // never send a token to another origin
        }
        return Map.of("Authorization", "Bearer " + current.accessToken());
    }

    /**
     * {@inheritDoc}
     *
     * @throws OAuthException when authorization is impossible or refused (e.g. the resource metadata names another
     *     server, the authorization server lacks PKCE S256, the state does not match, or a token request failed)
     */
    @Override
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
            Context ctx = contexts.get(endpointKey);
            boolean fresh = false;
            String hint = challenges.resourceMetadata();
            if (ctx == null || hint != null && !hint.equals(ctx.resourceMetadataUrl)) {
                Context previous = ctx;
                ctx = new Context(discovery.discover(mcpEndpoint, hint), hint);
                if (previous != null) {
                    ctx.attempts.addAll(previous.attempts); // a changing hint must not reset the bound
                }
                contexts.put(endpointKey, ctx);
                fresh = true;
            } else if (statusCode == 401 && tokenStore.load(ctx.key).isPresent()) {
                // a token we sent was refused: the resource may now trust another authorization server (SEP-2352)
                Discovery.Result again = discovery.discover(mcpEndpoint, hint != null ? hint : ctx.resourceMetadataUrl);
                if (!again.issuer().equals(ctx.discovery.issuer())
                        || !again.resource().equals(ctx.discovery.resource())) {
                    Context previous = ctx;
                    ctx = new Context(again, previous.resourceMetadataUrl);
                    ctx.attempts.addAll(previous.attempts);
                    contexts.put(endpointKey, ctx);
                    fresh = true;
                }
            }
            Optional<OAuthTokens> stored = tokenStore.load(ctx.key);
            Set<String> challenged = OAuthTokens.splitScopes(challenges.scope());
            Set<String> scopes;
            if (statusCode == 401) {
                if (fresh && stored.isPresent() && !stored.get().isExpired(clock.instant(), EXPIRY_MARGIN)) {
                    return true; // tokens from the store that were not sent yet
                }
                if (stored.isPresent() && stored.get().refreshToken() != null && !ctx.refreshedSinceAuthorization) {
                    if (refresh(ctx, stored.get()).isPresent()) {
                        return true;
                    }
                }
                scopes = selectScopes(ctx, challenged);
            } else {
                scopes = new LinkedHashSet<>(stored.map(OAuthTokens::scopes).orElse(Set.of()));
                scopes.addAll(challenged);
                if (scopes.isEmpty()) {
                    scopes = selectScopes(ctx, challenged);
                }
            }
            if (!tryAttempt(ctx)) {
                return false;
            }
            obtain(ctx, scopes);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean tryAttempt(Context ctx) {
        Instant now = clock.instant();
        ctx.attempts.removeIf(t -> t.plus(ATTEMPT_WINDOW).isBefore(now));
        if (ctx.attempts.size() >= maxAuthorizationAttempts) {
            return false;
        }
        ctx.attempts.add(now);
        return true;
    }

    private Set<String> selectScopes(Context ctx, Set<String> challenged) {
        Set<String> scopes = new LinkedHashSet<>();
        if (scopesOverride != null) {
            scopes.addAll(scopesOverride);
        } else if (!challenged.isEmpty()) {
            scopes.addAll(challenged);
        } else if (ctx.discovery.prm() != null && ctx.discovery.prm().scopesSupported() != null) {
            scopes.addAll(ctx.discovery.prm().scopesSupported());
        }
        AuthorizationServerMetadata md = ctx.discovery.metadata();
        if (requestOfflineAccess
                && grant == Grant.AUTHORIZATION_CODE
                && !scopes.isEmpty()
                && md.scopesSupported() != null
                && md.scopesSupported().contains("offline_access")) {
            scopes.add("offline_access");
        }
        return scopes;
    }

    private void obtain(Context ctx, Set<String> scopes) {
        String scope = scopes.isEmpty() ? null : String.join(" ", scopes);
        OAuthTokens tokens =
                switch (grant) {
                    case CLIENT_CREDENTIALS -> clientCredentials(ctx, scope);
                    case CROSS_APP_ACCESS -> crossAppAccess(ctx, scope);
                    default -> authorizationCode(ctx, scope);
                };
        ctx.refreshedSinceAuthorization = false;
        tokenStore.save(ctx.key, tokens);
    }

    private Optional<OAuthTokens> renew(Context ctx) {
        lock.lock();
        try {
            Optional<OAuthTokens> stored = tokenStore.load(ctx.key);
            if (stored.isPresent() && !stored.get().isExpired(clock.instant(), EXPIRY_MARGIN)) {
                return stored;
            }
            if (stored.isPresent() && stored.get().refreshToken() != null) {
                Optional<OAuthTokens> refreshed = refresh(ctx, stored.get());
                if (refreshed.isPresent()) {
                    return refreshed;
                }
            }
            if (grant != Grant.AUTHORIZATION_CODE) {
                try {
                    obtain(ctx, stored.map(OAuthTokens::scopes).orElseGet(() -> selectScopes(ctx, Set.of())));
                    return tokenStore.load(ctx.key);
                } catch (McpException e) {
                    tokenStore.remove(ctx.key);
                    return Optional.empty();
                }
            }
            tokenStore.remove(ctx.key);
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    private Optional<OAuthTokens> refresh(Context ctx, OAuthTokens old) {
        ctx.refreshedSinceAuthorization = true;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", old.refreshToken());
        form.put("resource", ctx.discovery.resource());
        try {
            OAuthTokens fresh = TokenEndpoint.request(
                    http, tokenEndpoint(ctx), form, clientAuth(ctx, identity(ctx)), old.scope(), clock);
            if (fresh.refreshToken() == null) {
                fresh = new OAuthTokens(
                        fresh.accessToken(), fresh.tokenType(), old.refreshToken(), fresh.expiresAt(), fresh.scope());
            }
            tokenStore.save(ctx.key, fresh);
            return Optional.of(fresh);
        } catch (McpException e) {
            tokenStore.remove(ctx.key);
            return Optional.empty();
        }
    }

    private OAuthTokens authorizationCode(Context ctx, String scope) {
        AuthorizationServerMetadata md = ctx.discovery.metadata();
        if (ctx.discovery.metadataFound() && !md.supportsS256()) {
            throw new OAuthException("authorization server " + ctx.discovery.issuer()
                    + " does not advertise PKCE S256 (code_challenge_methods_supported); refusing to authorize");
        }
        if (codeHandler == null || redirectUri == null) {
            throw new OAuthException("an authorization code flow needs an AuthorizationCodeHandler and a redirect URI");
        }
        if (md.authorizationEndpoint() == null) {
            throw new OAuthException(
                    "authorization server " + ctx.discovery.issuer() + " has no authorization_endpoint");
        }
        URI authorizationEndpoint = endpoint(md.authorizationEndpoint(), "authorization_endpoint");
        Identity identity = identity(ctx);
        Pkce pkce = Pkce.generate();
        String state = Pkce.randomToken(32);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", identity.clientId());
        params.put("redirect_uri", redirectUri.toString());
        params.put("scope", scope);
        params.put("state", state);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        params.put("resource", ctx.discovery.resource());
        URI url = dev.jmcp.transport.http.common.internal.Forms.withQuery(authorizationEndpoint.toString(), params);
        AuthorizationResponse response = codeHandler.authorize(url, authorizationTimeout);
        if (response == null) {
            throw new OAuthException("the authorization code handler returned nothing");
        }
        if (response.error() != null) {
            throw new OAuthException(
                    "authorization denied: " + response.error()
                            + (response.errorDescription() == null ? "" : " (" + response.errorDescription() + ")"),
                    response.error(),
                    null);
        }
        if (!state.equals(response.state())) {
            throw new OAuthException("authorization response state does not match the request; possible CSRF");
        }
        boolean issRequired = Boolean.TRUE.equals(md.authorizationResponseIssParameterSupported());
        if (issRequired && response.iss() == null) {
            throw new OAuthException("authorization response lacks the iss parameter the server promised (RFC 9207)");
        }
        if (response.iss() != null
                && ctx.discovery.metadataFound()
                && !response.iss().equals(md.issuer())) {
            throw new OAuthException("authorization response iss " + response.iss() + " is not the issuer "
                    + md.issuer() + " (RFC 9207 mix-up protection)");
        }
        if (response.code() == null || response.code().isEmpty()) {
            throw new OAuthException("authorization response has no code");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", response.code());
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", pkce.verifier());
        form.put("resource", ctx.discovery.resource());
        return TokenEndpoint.request(http, tokenEndpoint(ctx), form, clientAuth(ctx, identity), scope, clock);
    }

    private OAuthTokens clientCredentials(Context ctx, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", scope);
        form.put("resource", ctx.discovery.resource());
        return TokenEndpoint.request(http, tokenEndpoint(ctx), form, clientAuth(ctx, identity(ctx)), scope, clock);
    }

    /**
     * Cross-app access (Enterprise-Managed Authorization, SEP-990): exchanges the user's ID token at the IdP for an
     * identity assertion grant (ID-JAG, RFC 8693) addressed to the authorization server, then presents it with the
     * JWT bearer grant (RFC 7523) at the authorization server's token endpoint.
     */
    private OAuthTokens crossAppAccess(Context ctx, String scope) {
        AuthorizationServerMetadata md = ctx.discovery.metadata();
        String audience = ctx.discovery.metadataFound() && md.issuer() != null ? md.issuer() : ctx.discovery.issuer();
        if (md.grantTypesSupported() != null && !md.grantTypesSupported().contains(JWT_BEARER_GRANT)) {
            throw new OAuthException("authorization server " + audience
                    + " does not list the JWT bearer grant; cannot use cross-app access");
        }
        String idToken = crossApp.idToken().get();
        if (idToken == null || idToken.isEmpty()) {
            throw new OAuthException("cross-app access needs an ID token, but the supplier returned none");
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", TOKEN_EXCHANGE);
        exchange.put("requested_token_type", ID_JAG);
        exchange.put("audience", audience);
        exchange.put("resource", ctx.discovery.resource());
        if (scope != null) {
            exchange.put("scope", scope);
        }
        exchange.put("subject_token", idToken);
        exchange.put("subject_token_type", ID_TOKEN);
        Map<String, String> headers = new LinkedHashMap<>();
        String idpMethod = crossApp.clientSecret() == null ? TokenEndpoint.NONE : TokenEndpoint.BASIC;
        TokenEndpoint.authenticate(
                new ClientAuth(crossApp.clientId(), crossApp.clientSecret(), idpMethod, null, null),
                exchange,
                headers,
                clock);
        OAuthHttp.Response r = http.postForm(crossApp.tokenEndpoint(), exchange, headers);
        JsonNode json;
        try {
            json = r.json();
        } catch (McpException e) {
            throw new OAuthException("token exchange at " + OAuthHttp.safe(crossApp.tokenEndpoint()) + " answered "
                    + r.status() + " with a body that is not JSON");
        }
        if (!r.ok() || json.has("error")) {
            String error = json.path("error").isString() ? json.path("error").asString() : null;
            String description = json.path("error_description").isString()
                    ? json.path("error_description").asString()
                    : null;
            throw new OAuthException(
                    "token exchange at " + OAuthHttp.safe(crossApp.tokenEndpoint()) + " failed with " + r.status()
                            + ": " + error + (description == null ? "" : " (" + description + ")"),
                    error,
                    null);
        }
        String issuedType = json.path("issued_token_type").isString()
                ? json.path("issued_token_type").asString()
                : null;
        if (issuedType != null && !ID_JAG.equals(issuedType)) {
            throw new OAuthException("token exchange issued a " + issuedType + ", not an identity assertion grant");
        }
        String assertion =
                json.path("access_token").isString() ? json.path("access_token").asString() : null;
        if (assertion == null || assertion.isEmpty()) {
            throw new OAuthException("token exchange returned no identity assertion grant (access_token)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JWT_BEARER_GRANT);
        form.put("assertion", assertion);
        if (scope != null) {
            form.put("scope", scope);
        }
        form.put("resource", ctx.discovery.resource());
        return TokenEndpoint.request(http, tokenEndpoint(ctx), form, clientAuth(ctx, identity(ctx)), scope, clock);
    }

    private ClientAuth clientAuth(Context ctx, Identity identity) {
        if (TokenEndpoint.PRIVATE_KEY_JWT.equals(identity.method())) {
            AuthorizationServerMetadata md = ctx.discovery.metadata();
            String audience =
                    ctx.discovery.metadataFound() && md.issuer() != null ? md.issuer() : ctx.discovery.issuer();
            return new ClientAuth(identity.clientId(), null, identity.method(), privateKey, audience);
        }
        return new ClientAuth(identity.clientId(), identity.clientSecret(), identity.method(), null, null);
    }

    private URI tokenEndpoint(Context ctx) {
        return endpoint(ctx.discovery.metadata().tokenEndpoint(), "token_endpoint");
    }

    private static URI endpoint(String value, String name) {
        try {
            return Uris.httpUri(value, name);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(e.getMessage());
        }
    }

    private Identity identity(Context ctx) {
        AuthorizationServerMetadata md = ctx.discovery.metadata();
        Identity forIssuer = preRegistered.get(ctx.discovery.issuer());
        if (forIssuer != null) {
            String method = forIssuer.method() != null
                    ? forIssuer.method()
                    : chooseMethod(md, forIssuer.clientSecret() != null);
            return new Identity(forIssuer.clientId(), forIssuer.clientSecret(), method);
        }
        if (clientId != null) {
            String method = tokenEndpointAuthMethod;
            if (method == null) {
                method = privateKey != null ? TokenEndpoint.PRIVATE_KEY_JWT : chooseMethod(md, clientSecret != null);
            }
            return new Identity(clientId, clientSecret, method);
        }
        if (clientIdMetadataUrl != null && md.supportsClientIdMetadataDocument()) {
            return new Identity(clientIdMetadataUrl, null, TokenEndpoint.NONE);
        }
        Identity registered = registrations.get(ctx.discovery.issuer());
        if (registered != null) {
            return registered;
        }
        if (!dynamicRegistration || md.registrationEndpoint() == null) {
            throw new OAuthException("no client identity for authorization server " + ctx.discovery.issuer()
                    + ": configure pre-registered credentials"
                    + (md.registrationEndpoint() == null ? " (it offers no dynamic client registration)" : ""));
        }
        Identity identity = register(md);
        registrations.put(ctx.discovery.issuer(), identity);
        return identity;
    }

    private Identity register(AuthorizationServerMetadata md) {
        URI endpoint = endpoint(md.registrationEndpoint(), "registration_endpoint");
        String requested = clientMetadata.tokenEndpointAuthMethod();
        if (requested == null) {
            List<String> supported = md.tokenEndpointAuthMethodsSupported();
            if (supported != null) {
                for (String m : List.of(TokenEndpoint.BASIC, TokenEndpoint.POST, TokenEndpoint.NONE)) {
                    if (supported.contains(m)) {
                        requested = m;
                        break;
                    }
                }
            }
        }
        List<String> grants =
                new ArrayList<>(clientMetadata.grantTypes() == null ? List.of() : clientMetadata.grantTypes());
        for (String g : List.of("authorization_code", "refresh_token")) {
            if (!grants.contains(g)) {
                grants.add(g);
            }
        }
        OAuthClientMetadata body = new OAuthClientMetadata(
                null,
                clientMetadata.clientName(),
                clientMetadata.redirectUris(),
                grants,
                clientMetadata.responseTypes() == null ? List.of("code") : clientMetadata.responseTypes(),
                requested,
                clientMetadata.scope(),
                clientMetadata.clientUri(),
                clientMetadata.logoUri(),
                clientMetadata.softwareId(),
                clientMetadata.softwareVersion());
        tools.jackson.databind.node.ObjectNode json0 =
                (tools.jackson.databind.node.ObjectNode) dev.jmcp.core.McpJson.parse(body.toJson());
        // OpenID Connect registration's application_type (2026-07-28): native for loopback redirects, else web
        json0.put("application_type", isLoopback(redirectUri) || redirectUri == null ? "native" : "web");
        OAuthHttp.Response r = http.postJson(endpoint, json0.toString());
        JsonNode json;
        try {
            json = r.json();
        } catch (McpException e) {
            throw new OAuthException("client registration answered " + r.status() + " with a body that is not JSON");
        }
        if (!r.ok()) {
            String error = json.path("error").isString() ? json.path("error").asString() : null;
            throw new OAuthException("client registration failed with " + r.status() + ": " + error, error, null);
        }
        String id = json.path("client_id").isString() ? json.path("client_id").asString() : null;
        if (id == null || id.isEmpty()) {
            throw new OAuthException("client registration returned no client_id");
        }
        String secret = json.path("client_secret").isString()
                ? json.path("client_secret").asString()
                : null;
        String method = json.path("token_endpoint_auth_method").isString()
                ? json.path("token_endpoint_auth_method").asString()
                : null;
        if (method == null) {
            method = chooseMethod(md, secret != null);
        }
        return new Identity(id, secret, method);
    }

    static boolean isLoopback(URI uri) {
        return uri != null
                && "http".equals(uri.getScheme())
                && ("localhost".equals(uri.getHost())
                        || "127.0.0.1".equals(uri.getHost())
                        || "[::1]".equals(uri.getHost()));
    }

    private static String chooseMethod(AuthorizationServerMetadata md, boolean hasSecret) {
        if (!hasSecret) {
            return TokenEndpoint.NONE;
        }
        List<String> supported = md.tokenEndpointAuthMethodsSupported();
        if (supported == null || supported.contains(TokenEndpoint.BASIC)) {
            return TokenEndpoint.BASIC;
        }
        if (supported.contains(TokenEndpoint.POST)) {
            return TokenEndpoint.POST;
        }
        return TokenEndpoint.BASIC;
    }

    @Override
    public String toString() {
        return "OAuthClientProvider[grant=" + grant + ", clientId="
                + (clientId != null ? clientId : clientIdMetadataUrl) + "]";
    }

    /** Configures an {@link OAuthClientProvider}. */
    public static final class Builder {
        private HttpClient httpClient;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Grant grant = Grant.AUTHORIZATION_CODE;
        private OAuthClientMetadata clientMetadata;
        private String clientId;
        private String clientSecret;
        private String tokenEndpointAuthMethod;
        private PrivateKey privateKey;
        private String clientIdMetadataUrl;
        private final Map<String, Identity> preRegistered = new LinkedHashMap<>();
        private CrossApp crossApp;
        private boolean dynamicRegistration = true;
        private URI redirectUri;
        private AuthorizationCodeHandler codeHandler;
        private TokenStore tokenStore = new InMemoryTokenStore();
        private List<String> scopes;
        private int maxAuthorizationAttempts = 3;
        private Duration authorizationTimeout = Duration.ofMinutes(5);
        private boolean requestOfflineAccess = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The client for OAuth requests; it should not follow redirects. Default: a new client. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The timeout of each OAuth HTTP request (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "timeout");
            return this;
        }

        /** The metadata sent in dynamic client registration (default: name "jmcp", the redirect URI). */
        public Builder clientMetadata(OAuthClientMetadata metadata) {
            this.clientMetadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /** Pre-registered credentials; {@code clientSecret} may be null for a public client. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Pre-registered credentials for one authorization server, chosen when the resource names that issuer
         * (exactly as in its protected resource metadata). They take precedence over {@link #clientCredentials(String,
         * String)} and are never sent to another authorization server; the authentication method is chosen from what
         * that server supports.
         */
        public Builder clientCredentials(String issuer, String clientId, String clientSecret) {
            Uris.httpUri(Objects.requireNonNull(issuer, "issuer"), "issuer");
            preRegistered.put(issuer, new Identity(Objects.requireNonNull(clientId, "clientId"), clientSecret, null));
            return this;
        }

        /**
         * Obtains tokens by cross-app access (Enterprise-Managed Authorization, SEP-990) instead of the authorization
         * code flow: the user's ID token from the enterprise IdP is exchanged there (RFC 8693, {@code
         * requested_token_type=urn:ietf:params:oauth:token-type:id-jag}, audience = the authorization server's
         * issuer, resource = the MCP resource) for an identity assertion grant, which the authorization server turns
         * into an access token (RFC 7523 JWT bearer grant). The client authenticates at the authorization server
         * with {@link #clientCredentials} (e.g. {@code client_secret_basic}).
         *
         * @param idpTokenEndpoint the IdP's token endpoint
         * @param idpClientId this client's id at the IdP
         * @param idpClientSecret its secret at the IdP (sent with HTTP Basic), or null for a public client
         * @param idToken supplies the user's current ID token, asked each time a token is needed
         */
        public Builder crossAppAccess(
                URI idpTokenEndpoint,
                String idpClientId,
                String idpClientSecret,
                java.util.function.Supplier<String> idToken) {
            Uris.httpUri(
                    Objects.requireNonNull(idpTokenEndpoint, "idpTokenEndpoint").toString(), "IdP token endpoint");
            this.crossApp = new CrossApp(
                    idpTokenEndpoint,
                    Objects.requireNonNull(idpClientId, "idpClientId"),
                    idpClientSecret,
                    Objects.requireNonNull(idToken, "idToken"));
            this.grant = Grant.CROSS_APP_ACCESS;
            return this;
        }

        /** {@link #crossAppAccess(URI, String, String, java.util.function.Supplier)} with a fixed ID token. */
        public Builder crossAppAccess(URI idpTokenEndpoint, String idpClientId, String idToken) {
            Objects.requireNonNull(idToken, "idToken");
            return crossAppAccess(idpTokenEndpoint, idpClientId, null, () -> idToken);
        }

        /**
         * Forces the token endpoint authentication method of pre-registered credentials ({@code
         * client_secret_basic}, {@code client_secret_post}, {@code none}, {@code private_key_jwt}); default: chosen
         * from what the authorization server supports.
         */
        public Builder tokenEndpointAuthMethod(String method) {
            if (!List.of(TokenEndpoint.BASIC, TokenEndpoint.POST, TokenEndpoint.NONE, TokenEndpoint.PRIVATE_KEY_JWT)
                    .contains(method)) {
                throw new IllegalArgumentException("unsupported token endpoint auth method " + method);
            }
            this.tokenEndpointAuthMethod = method;
            return this;
        }

        /**
         * Authenticates with {@code private_key_jwt} (RFC 7523): a JWT signed with the PKCS#8 PEM key (EC P-256 gives
         * ES256, RSA gives RS256).
         */
        public Builder privateKeyJwt(String clientId, String pkcs8Pem) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = null;
            PrivateKey key;
            try {
                key = Pem.privateKey(pkcs8Pem, "EC");
            } catch (OAuthException notEc) {
                key = Pem.privateKey(pkcs8Pem, "RSA");
            }
            this.privateKey = key;
            this.tokenEndpointAuthMethod = TokenEndpoint.PRIVATE_KEY_JWT;
            return this;
        }

        /**
         * The https URL of this client's metadata document, used as {@code client_id} when the authorization server
         * supports client ID metadata documents. The URL must serve {@link OAuthClientMetadata#toJson()} with that
         * {@code client_id}.
         */
        public Builder clientIdMetadataDocument(String url) {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme())
                    || uri.getRawPath() == null
                    || uri.getRawPath().length() < 2
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("a client ID metadata document URL is https with a path: " + url);
            }
            this.clientIdMetadataUrl = url;
            return this;
        }

        /** Whether to register dynamically (RFC 7591) when no other identity applies (default true). */
        public Builder dynamicRegistration(boolean enabled) {
            this.dynamicRegistration = enabled;
            return this;
        }

        /**
         * The redirect URI (loopback http or https). Default: the handler's own, e.g. {@link
         * LoopbackRedirectReceiver}'s.
         */
        public Builder redirectUri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            boolean loopback = "http".equals(uri.getScheme())
                    && ("localhost".equals(uri.getHost())
                            || "127.0.0.1".equals(uri.getHost())
                            || "[::1]".equals(uri.getHost()));
            if (!loopback && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("a redirect URI is https or http on localhost: " + uri);
            }
            this.redirectUri = uri;
            return this;
        }

        /** The interactive step of the authorization code flow. */
        public Builder authorizationCodeHandler(AuthorizationCodeHandler handler) {
            this.codeHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Where tokens are kept (default: in memory). */
        public Builder tokenStore(TokenStore store) {
            this.tokenStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Scopes to request instead of the challenge's or the metadata's (step-up still adds challenged ones). */
        public Builder scopes(List<String> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        /**
         * How many authorizations 401 and 403 answers may trigger for one MCP server within 10 minutes (default 3),
         * counting the first one and every step-up; beyond that {@link #onUnauthorized} answers false.
         */
        public Builder maxStepUpAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            this.maxAuthorizationAttempts = attempts;
            return this;
        }

        /** How long the interactive step may take (default 5 minutes). */
        public Builder authorizationTimeout(Duration timeout) {
            this.authorizationTimeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Whether to add {@code offline_access} to a non-empty scope when the authorization server lists it
         * (default true), to obtain refresh tokens.
         */
        public Builder requestOfflineAccess(boolean enabled) {
            this.requestOfflineAccess = enabled;
            return this;
        }

        /** Use the client credentials grant (a machine client) instead of the authorization code flow. */
        public Builder clientCredentialsGrant() {
            this.grant = Grant.CLIENT_CREDENTIALS;
            return this;
        }

        /** The clock for token expiry (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the provider. */
        public OAuthClientProvider build() {
            if (httpClient == null) {
                httpClient = OAuthHttp.defaultClient();
            }
            if (grant == Grant.CROSS_APP_ACCESS) {
                if (clientId == null && preRegistered.isEmpty()) {
                    throw new IllegalStateException("cross-app access needs the client's credentials at the "
                            + "authorization server: clientCredentials(...)");
                }
            } else if (grant == Grant.CLIENT_CREDENTIALS) {
                if (clientId == null && preRegistered.isEmpty()) {
                    throw new IllegalStateException(
                            "the client credentials grant needs clientCredentials(...) or " + "privateKeyJwt(...)");
                }
                if (clientId != null && clientSecret == null && privateKey == null) {
                    throw new IllegalStateException("the client credentials grant needs a secret or a private key");
                }
            } else if (codeHandler == null) {
                throw new IllegalStateException("the authorization code flow needs an AuthorizationCodeHandler");
            } else if (redirectUri == null && codeHandler.redirectUri().isEmpty()) {
                throw new IllegalStateException("no redirect URI: set redirectUri(...) or use a handler that has one");
            }
            return new OAuthClientProvider(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
