package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.McpException;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.servlet.auth.internal.Claims;
import dev.jmcp.transport.http.servlet.auth.internal.Jwks;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates JWT access tokens (RFC 9068 style) against the authorization server's JWKS: RS256 or ES256 signature,
 * {@code iss}, {@code aud} containing the resource, {@code exp}/{@code nbf} with clock skew, and optional required
 * scopes. Keys are cached; a token signed with an unknown {@code kid} triggers a refetch (rate-limited), so key
 * rotation needs no restart.
 */
public final class JwtTokenValidator implements TokenValidator {
    private record KeySet(List<Jwks.Key> keys, Instant fetchedAt) {}

    private final OAuthHttp http;
    private final URI jwksUri;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Set<String> requiredScopes;
    private final Duration cacheTtl;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final Object fetchLock = new Object();
    private volatile KeySet keySet;

    private JwtTokenValidator(Builder b) {
        this.http = new OAuthHttp(b.httpClient, b.requestTimeout);
        this.jwksUri = b.jwksUri;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.clockSkew = b.clockSkew;
        this.requiredScopes = b.requiredScopes;
        this.cacheTtl = b.cacheTtl;
        this.minRefreshInterval = b.minRefreshInterval;
        this.clock = b.clock;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AuthInfo validate(String token) {
        Jwt.Parsed jwt;
        try {
            jwt = Jwt.parse(token);
        } catch (IllegalArgumentException e) {
            throw new TokenValidationException("malformed token");
        }
        String alg = jwt.alg();
        if (!"RS256".equals(alg) && !"ES256".equals(alg)) {
            throw new TokenValidationException("unsupported token algorithm " + alg);
        }
        Jwks.Key key = findKey(jwt.kid(), alg, false);
        if (key == null) {
            key = findKey(jwt.kid(), alg, true);
        }
        if (key == null) {
            throw new TokenValidationException("no key " + (jwt.kid() == null ? "for " + alg : jwt.kid()) + " in JWKS");
        }
        if (!Jwt.verify(jwt, key.key())) {
            throw new TokenValidationException("token signature is invalid");
        }
        return Claims.check(
                token, jwt.claims(), issuer, audience, true, true, clock.instant(), clockSkew, requiredScopes);
    }

    private Jwks.Key findKey(String kid, String alg, boolean refresh) {
        KeySet current = keys(refresh);
        if (current == null) {
            return null;
        }
        for (Jwks.Key k : current.keys()) {
            if (k.alg().equals(alg) && (kid == null || kid.equals(k.kid()))) {
                return k;
            }
        }
        return null;
    }

    private KeySet keys(boolean refresh) {
        Instant now = clock.instant();
        KeySet current = keySet;
        if (current != null && !refresh && current.fetchedAt().plus(cacheTtl).isAfter(now)) {
            return current;
        }
        synchronized (fetchLock) {
            current = keySet;
            boolean stale =
                    current == null || !current.fetchedAt().plus(cacheTtl).isAfter(now);
            boolean mayRefetch = current == null
                    || !current.fetchedAt().plus(minRefreshInterval).isAfter(now);
            if (!(stale || refresh && mayRefetch)) {
                return current;
            }
            try {
                OAuthHttp.Response r = http.get(jwksUri);
                if (!r.ok()) {
                    throw new McpException("JWKS endpoint answered " + r.status());
                }
                keySet = new KeySet(Jwks.parse(r.body()), now);
            } catch (McpException e) {
                if (current == null) {
                    throw new TokenValidationException("cannot fetch the JWKS: " + e.getMessage(), e);
                }
                // keep the keys we have; retry after minRefreshInterval
                keySet = new KeySet(current.keys(), stale ? now.minus(cacheTtl).plus(minRefreshInterval) : now);
            }
            return keySet;
        }
    }

    /** Configures a {@link JwtTokenValidator}. */
    public static final class Builder {
        private HttpClient httpClient;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private URI jwksUri;
        private String issuer;
        private String audience;
        private Duration clockSkew = Duration.ofSeconds(60);
        private Set<String> requiredScopes = Set.of();
        private Duration cacheTtl = Duration.ofMinutes(10);
        private Duration minRefreshInterval = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Where the authorization server publishes its keys (required). */
        public Builder jwksUri(URI uri) {
            this.jwksUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** The expected {@code iss} (required). */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** The resource that must appear in {@code aud}: this server's canonical URI (required). */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** Tolerance for {@code exp} and {@code nbf} (default 60 s). */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** Scopes every token must carry (default none); a token without them gets 403 insufficient_scope. */
        public Builder requiredScopes(Set<String> scopes) {
            this.requiredScopes = Set.copyOf(scopes);
            return this;
        }

        /** How long fetched keys are trusted before a refetch (default 10 minutes). */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** The least time between two fetches caused by unknown key ids (default 30 s). */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The client that fetches the JWKS (default: a new client). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The timeout of a JWKS fetch (default 10 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The clock (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the validator. */
        public JwtTokenValidator build() {
            if (jwksUri == null || issuer == null || audience == null) {
                throw new IllegalStateException("jwksUri, issuer and audience are required");
            }
            if (httpClient == null) {
                httpClient = OAuthHttp.defaultClient();
            }
            return new JwtTokenValidator(this);
        }
    }
}
