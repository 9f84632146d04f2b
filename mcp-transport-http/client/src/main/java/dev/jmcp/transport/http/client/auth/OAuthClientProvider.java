package dev.jmcp.transport.http.client.auth;

import dev.jmcp.transport.http.client.auth.internal.AuthorizationCodeGrant;
import dev.jmcp.transport.http.client.auth.internal.AuthorizationPolicy;
import dev.jmcp.transport.http.client.auth.internal.Authorizations;
import dev.jmcp.transport.http.client.auth.internal.ClientCredentialsGrant;
import dev.jmcp.transport.http.client.auth.internal.ClientIdentities;
import dev.jmcp.transport.http.client.auth.internal.ClientIdentity;
import dev.jmcp.transport.http.client.auth.internal.CrossAppAccessGrant;
import dev.jmcp.transport.http.client.auth.internal.Discovery;
import dev.jmcp.transport.http.client.auth.internal.DynamicRegistration;
import dev.jmcp.transport.http.client.auth.internal.Pem;
import dev.jmcp.transport.http.client.auth.internal.RefreshTokenGrant;
import dev.jmcp.transport.http.client.auth.internal.TokenEndpoint;
import dev.jmcp.transport.http.client.auth.internal.TokenGrant;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private enum Grant {
        AUTHORIZATION_CODE,
        CLIENT_CREDENTIALS,
        CROSS_APP_ACCESS
    }

    private final Grant grant;
    private final String clientLabel;
    private final Authorizations authorizations;

    private OAuthClientProvider(Builder b) {
        OAuthHttp http = new OAuthHttp(b.httpClient, b.requestTimeout);
        URI redirect = b.redirectUri;
        if (redirect == null && b.codeHandler != null) {
            redirect = b.codeHandler.redirectUri().orElse(null);
        }
        ClientIdentities identities = new ClientIdentities(
                b.preRegistered,
                b.clientId == null ? null : new ClientIdentity(b.clientId, b.clientSecret, b.tokenEndpointAuthMethod),
                b.privateKey,
                b.clientIdMetadataUrl,
                b.dynamicRegistration
                        ? new DynamicRegistration(http, registeredMetadata(b.clientMetadata, redirect), redirect)
                        : null);
        TokenGrant tokenGrant =
                switch (b.grant) {
                    case CLIENT_CREDENTIALS -> new ClientCredentialsGrant(http, identities, b.clock);
                    case CROSS_APP_ACCESS -> new CrossAppAccessGrant(http, identities, b.crossApp, b.clock);
                    default ->
                        new AuthorizationCodeGrant(
                                http, identities, b.codeHandler, redirect, b.authorizationTimeout, b.clock);
                };
        this.grant = b.grant;
        this.clientLabel = b.clientId != null ? b.clientId : b.clientIdMetadataUrl;
        this.authorizations = new Authorizations(
                new Discovery(http),
                tokenGrant,
                new RefreshTokenGrant(http, identities, b.tokenStore, b.clock),
                b.tokenStore,
                new AuthorizationPolicy(b.scopes, b.requestOfflineAccess, b.maxAuthorizationAttempts),
                b.clock);
    }

    /** The metadata to register: the configured one (default name "jmcp") with the redirect URI first. */
    private static OAuthClientMetadata registeredMetadata(OAuthClientMetadata configured, URI redirect) {
        OAuthClientMetadata md = configured != null
                ? configured
                : OAuthClientMetadata.of("jmcp", "").withRedirectUris(List.of());
        if (redirect != null && !md.redirectUris().contains(redirect.toString())) {
            // the registered redirect URIs must contain the one the authorization request uses
            List<String> uris = new ArrayList<>(md.redirectUris());
            uris.add(0, redirect.toString());
            md = md.withRedirectUris(uris);
        }
        return md;
    }

    /**
     * A builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, String> authorizationHeaders(URI mcpEndpoint) {
        return authorizations.authorizationHeaders(mcpEndpoint);
    }

    /**
     * {@inheritDoc}
     *
     * @throws OAuthException when authorization is impossible or refused (e.g. the resource metadata names another
     *     server, the authorization server lacks PKCE S256, the state does not match, or a token request failed)
     */
    @Override
    public boolean onUnauthorized(URI mcpEndpoint, int statusCode, List<String> wwwAuthenticate) {
        return authorizations.onUnauthorized(mcpEndpoint, statusCode, wwwAuthenticate);
    }

    @Override
    public String toString() {
        return "OAuthClientProvider[grant=" + grant + ", clientId=" + clientLabel + "]";
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
        private final Map<String, ClientIdentity> preRegistered = new LinkedHashMap<>();
        private CrossAppAccessGrant.IdentityProvider crossApp;
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

        /**
         * The client for OAuth requests; it should not follow redirects. Default: a new client.
         *
         * @param client the client for OAuth requests; it should not follow redirects
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The timeout of each OAuth HTTP request (default 30 s).
         *
         * @param timeout the timeout of each OAuth HTTP request (default 30 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * The metadata sent in dynamic client registration (default: name "jmcp", the redirect URI).
         *
         * @param metadata the metadata sent in dynamic client registration (default: name "jmcp", the redirect URI)
         * @return this builder
         */
        public Builder clientMetadata(OAuthClientMetadata metadata) {
            this.clientMetadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * Pre-registered credentials; {@code clientSecret} may be null for a public client. A secret is bound to the
         * first authorization server it is used with and never sent to another: when a resource names another
         * authorization server the client identifies itself there by the other means (client ID metadata document,
         * dynamic registration), else fails with {@link OAuthException}. To name the server up front, or to use
         * several, use {@link #clientCredentials(String, String, String)}.
         *
         * @param clientId the pre-registered client id
         * @param clientSecret its secret, or null for a public client
         * @return this builder
         */
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
         *
         * @param issuer the issuer of the authorization server the credentials are for
         * @param clientId the client id registered there
         * @param clientSecret its secret, or null for a public client
         * @return this builder
         */
        public Builder clientCredentials(String issuer, String clientId, String clientSecret) {
            Uris.httpUri(Objects.requireNonNull(issuer, "issuer"), "issuer");
            preRegistered.put(
                    issuer, new ClientIdentity(Objects.requireNonNull(clientId, "clientId"), clientSecret, null));
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
         * @param idpTokenEndpoint the IdP's token endpoint: https, or http on a loopback host
         * @param idpClientId this client's id at the IdP
         * @param idpClientSecret its secret at the IdP (sent with HTTP Basic), or null for a public client
         * @param idToken supplies the user's current ID token, asked each time a token is needed
         * @return this builder
         */
        public Builder crossAppAccess(
                URI idpTokenEndpoint,
                String idpClientId,
                String idpClientSecret,
                java.util.function.Supplier<String> idToken) {
            Uris.requireSecure(Objects.requireNonNull(idpTokenEndpoint, "idpTokenEndpoint"), "IdP token endpoint");
            this.crossApp = new CrossAppAccessGrant.IdentityProvider(
                    idpTokenEndpoint,
                    Objects.requireNonNull(idpClientId, "idpClientId"),
                    idpClientSecret,
                    Objects.requireNonNull(idToken, "idToken"));
            this.grant = Grant.CROSS_APP_ACCESS;
            return this;
        }

        /**
         * {@link #crossAppAccess(URI, String, String, java.util.function.Supplier)} with a fixed ID token.
         *
         * @param idpTokenEndpoint the IdP token endpoint
         * @param idpClientId the IdP client id
         * @param idToken the id token
         * @return {@link #crossAppAccess(URI, String, String, java.util.function.Supplier)} with a fixed ID token
         */
        public Builder crossAppAccess(URI idpTokenEndpoint, String idpClientId, String idToken) {
            Objects.requireNonNull(idToken, "idToken");
            return crossAppAccess(idpTokenEndpoint, idpClientId, null, () -> idToken);
        }

        /**
         * Forces the token endpoint authentication method of pre-registered credentials ({@code
         * client_secret_basic}, {@code client_secret_post}, {@code none}, {@code private_key_jwt}); default: chosen
         * from what the authorization server supports.
         *
         * @param method the token endpoint's client authentication method, e.g. {@code client_secret_basic}
         * @return this builder
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
         *
         * @param clientId the client id
         * @param pkcs8Pem the PKCS#8 PEM
         * @return this builder
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
         *
         * @param url the https URL of this client's metadata document, used as {@code client_id} when the authorization
         *     server supports client ID metadata documents
         * @return this builder
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

        /**
         * Whether to register dynamically (RFC 7591) when no other identity applies (default true).
         *
         * @param enabled whether to register dynamically (RFC 7591) when no other identity applies (default true)
         * @return this builder
         */
        public Builder dynamicRegistration(boolean enabled) {
            this.dynamicRegistration = enabled;
            return this;
        }

        /**
         * The redirect URI (loopback http or https). Default: the handler's own, e.g. {@link
         * LoopbackRedirectReceiver}'s.
         *
         * @param uri the redirect URI (loopback http or https)
         * @return this builder
         */
        public Builder redirectUri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            if (!DynamicRegistration.isLoopback(uri) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("a redirect URI is https or http on localhost: " + uri);
            }
            this.redirectUri = uri;
            return this;
        }

        /**
         * The interactive step of the authorization code flow.
         *
         * @param handler the interactive step of the authorization code flow
         * @return this builder
         */
        public Builder authorizationCodeHandler(AuthorizationCodeHandler handler) {
            this.codeHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Where tokens are kept (default: in memory).
         *
         * @param store where tokens are kept (default: in memory)
         * @return this builder
         */
        public Builder tokenStore(TokenStore store) {
            this.tokenStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Scopes to request instead of the challenge's or the metadata's (step-up still adds challenged ones).
         *
         * @param scopes scopes to request instead of the challenge's or the metadata's (step-up still adds challenged
         *     ones)
         * @return this builder
         */
        public Builder scopes(List<String> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        /**
         * How many authorizations 401 and 403 answers may trigger for one MCP server within 10 minutes (default 3),
         * counting the first one and every step-up; beyond that {@link #onUnauthorized} answers false.
         *
         * @param attempts how many authorizations 401 and 403 answers may trigger for one MCP server within 10 minutes
         *     (default 3), counting the first one and every step-up; beyond that {@link #onUnauthorized} answers false
         * @return this builder
         */
        public Builder maxStepUpAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            this.maxAuthorizationAttempts = attempts;
            return this;
        }

        /**
         * How long the interactive step may take (default 5 minutes).
         *
         * @param timeout how long the interactive step may take (default 5 minutes)
         * @return this builder
         */
        public Builder authorizationTimeout(Duration timeout) {
            this.authorizationTimeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Whether to add {@code offline_access} to a non-empty scope when the authorization server lists it
         * (default true), to obtain refresh tokens.
         *
         * @param enabled whether to add {@code offline_access} to a non-empty scope when the authorization server lists
         *     it (default true), to obtain refresh tokens
         * @return this builder
         */
        public Builder requestOfflineAccess(boolean enabled) {
            this.requestOfflineAccess = enabled;
            return this;
        }

        /**
         * Use the client credentials grant (a machine client) instead of the authorization code flow.
         *
         * @return this builder
         */
        public Builder clientCredentialsGrant() {
            this.grant = Grant.CLIENT_CREDENTIALS;
            return this;
        }

        /**
         * The clock for token expiry (default: system UTC).
         *
         * @param clock the clock for token expiry (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the built OAuth client provider
         */
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
