package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.McpException;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.internal.Forms;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import dev.jmcp.transport.http.servlet.auth.internal.Claims;
import dev.jmcp.transport.http.servlet.auth.internal.TokenCache;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates opaque tokens with token introspection (RFC 7662): the token must be {@code active}, its {@code aud}
 * must include this resource, it must not be expired, and it must carry the required scopes. The resource server
 * authenticates to the introspection endpoint with {@code client_secret_basic}.
 *
 * <p>Outcomes are cached by token hash so that the endpoint sees each token about once per TTL: an accepted token
 * for {@link Builder#cacheTtl} (default 60 s, never beyond the token's {@code exp}; a revocation takes up to that
 * long to be noticed), a refused one for {@link Builder#negativeCacheTtl} (default 30 s), at most {@link
 * Builder#maxCacheEntries} tokens (default 10 000, least recently used evicted). Concurrent requests with one token
 * share one introspection call. Failures of the endpoint itself (status, I/O, timeout) are not cached. The endpoint
 * must be https (plain http only on a loopback host); each call is bounded by {@link Builder#requestTimeout} and
 * reads at most 1 MiB.
 */
public final class IntrospectionTokenValidator implements TokenValidator {
    private final OAuthHttp http;
    private final URI endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String audience;
    private final boolean requireAudience;
    private final String issuer;
    private final Set<String> requiredScopes;
    private final Duration clockSkew;
    private final Clock clock;
    private final TokenCache cache;

    private IntrospectionTokenValidator(Builder b) {
        this.http = new OAuthHttp(b.httpClient, b.requestTimeout);
        this.endpoint = b.endpoint;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.audience = b.audience;
        this.requireAudience = b.requireAudience;
        this.issuer = b.issuer;
        this.requiredScopes = b.requiredScopes;
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
        this.cache = new TokenCache(b.cacheTtl, b.negativeCacheTtl, b.maxCacheEntries, b.clock);
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
    public AuthInfo validate(String token) {
        return cache.validate(token, this::introspect);
    }

    private AuthInfo introspect(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", "access_token");
        Map<String, String> headers = new LinkedHashMap<>();
        if (clientId != null) {
            headers.put("Authorization", Forms.basicHeader(clientId, clientSecret));
        }
        JsonNode json;
        try {
            OAuthHttp.Response r = http.postForm(endpoint, form, headers);
            if (!r.ok()) {
                throw new TokenCache.TransientFailure("introspection endpoint answered " + r.status(), null);
            }
            json = r.json();
        } catch (TokenValidationException e) {
            throw e;
        } catch (McpException e) {
            throw new TokenCache.TransientFailure("token introspection failed: " + e.getMessage(), e);
        }
        if (!json.isObject()) {
            throw new TokenCache.TransientFailure("introspection endpoint answered no JSON object", null);
        }
        if (!json.path("active").isBoolean() || !json.path("active").asBoolean()) {
            throw new TokenValidationException("token is not active");
        }
        return Claims.check(
                token, json, issuer, audience, requireAudience, false, clock.instant(), clockSkew, requiredScopes);
    }

    /** Configures an {@link IntrospectionTokenValidator}. */
    public static final class Builder {
        private HttpClient httpClient;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private URI endpoint;
        private String clientId;
        private String clientSecret;
        private String audience;
        private boolean requireAudience = true;
        private String issuer;
        private Set<String> requiredScopes = Set.of();
        private Duration clockSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Duration cacheTtl = Duration.ofSeconds(60);
        private Duration negativeCacheTtl = Duration.ofSeconds(30);
        private int maxCacheEntries = 10_000;

        private Builder() {}

        /**
         * The introspection endpoint (required): https, or http on a loopback host.
         *
         * @param endpoint the introspection endpoint (required): https, or http on a loopback host
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            Uris.requireSecure(endpoint, "introspection endpoint");
            this.endpoint = endpoint;
            return this;
        }

        /**
         * How long an accepted token is remembered without asking the endpoint again (default 60 s; never beyond
         * the token's {@code exp}); {@link Duration#ZERO} asks every time.
         *
         * @param ttl how long an accepted token is remembered without asking the endpoint again (default 60 s; never
         *     beyond the token's {@code exp}); {@link Duration#ZERO} asks every time
         * @return this builder
         */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = notNegative(ttl);
            return this;
        }

        /**
         * How long a refused token is remembered (default 30 s); {@link Duration#ZERO} asks every time.
         *
         * @param ttl how long a refused token is remembered (default 30 s); {@link Duration#ZERO} asks every time
         * @return this builder
         */
        public Builder negativeCacheTtl(Duration ttl) {
            this.negativeCacheTtl = notNegative(ttl);
            return this;
        }

        /**
         * The most tokens remembered (default 10 000; least recently used evicted); 0 disables the cache.
         *
         * @param entries the most tokens remembered (default 10 000; least recently used evicted); 0 disables the cache
         * @return this builder
         */
        public Builder maxCacheEntries(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("entries must not be negative");
            }
            this.maxCacheEntries = entries;
            return this;
        }

        private static Duration notNegative(Duration d) {
            Objects.requireNonNull(d, "ttl");
            if (d.isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative");
            }
            return d;
        }

        /**
         * The resource server's credentials at the introspection endpoint.
         *
         * @param clientId the client id
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /**
         * The resource that must appear in {@code aud}: this server's canonical URI (required).
         *
         * @param audience the resource that must appear in {@code aud}: this server's canonical URI (required)
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /**
         * Whether a response without {@code aud} is refused (default true). Turn off only when the authorization
         * server binds tokens to resources some other way.
         *
         * @param require whether a response without {@code aud} is refused (default true)
         * @return this builder
         */
        public Builder requireAudience(boolean require) {
            this.requireAudience = require;
            return this;
        }

        /**
         * The expected {@code iss}, when the response carries one (default: not checked).
         *
         * @param issuer the expected {@code iss}, when the response carries one (default: not checked)
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * Scopes every token must carry (default none).
         *
         * @param scopes scopes every token must carry (default none)
         * @return this builder
         */
        public Builder requiredScopes(Set<String> scopes) {
            this.requiredScopes = Set.copyOf(scopes);
            return this;
        }

        /**
         * Tolerance for {@code exp} and {@code nbf} (default 60 s).
         *
         * @param skew tolerance for {@code exp} and {@code nbf} (default 60 s)
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /**
         * The client for introspection requests (default: a new client).
         *
         * @param client the client for introspection requests (default: a new client)
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The timeout of an introspection request (default 10 s).
         *
         * @param timeout the timeout of an introspection request (default 10 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The clock (default: system UTC).
         *
         * @param clock the clock (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return the built introspection token validator
         */
        public IntrospectionTokenValidator build() {
            if (endpoint == null || audience == null) {
                throw new IllegalStateException("endpoint and audience are required");
            }
            if (httpClient == null) {
                httpClient = OAuthHttp.defaultClient();
            }
            return new IntrospectionTokenValidator(this);
        }
    }
}
