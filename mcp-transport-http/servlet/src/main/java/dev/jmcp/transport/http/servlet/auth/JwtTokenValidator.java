package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.McpException;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.common.internal.Jwt;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.common.internal.Uris;
import dev.jmcp.transport.http.servlet.auth.internal.Claims;
import dev.jmcp.transport.http.servlet.auth.internal.Jwks;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates JWT access tokens (RFC 9068, with the RFC 8725 best practices) against the authorization server's
 * JWKS: header {@code typ} {@code at+jwt} (or {@code application/at+jwt}; configurable), no {@code crit} header,
 * an RS256 or ES256 signature (ES256 values range-checked), {@code iss}, {@code aud} containing the resource,
 * {@code exp}/{@code nbf} with clock skew (absurd values are refused, never an error), and optional required scopes.
 * Anything wrong with a token is a {@link TokenValidationException} (401).
 *
 * <p>Keys: fetched from an https URL (plain http only on loopback), at most {@link Builder#maxJwksBytes} (default
 * 256 KiB) within {@link Builder#requestTimeout} (default 10 s), cached for {@link Builder#cacheTtl} (default 10
 * min). A token signed with an unknown {@code kid} triggers a refetch at most once per {@link
 * Builder#minRefreshInterval} (default 30 s), so key rotation needs no restart and a flood of unknown key ids
 * cannot flood the authorization server; a failed fetch is retried no sooner either.
 */
public final class JwtTokenValidator implements TokenValidator {
    /** The {@code typ} values accepted by default (RFC 9068). */
    public static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt");

    private record KeySet(List<Jwks.Key> keys, Instant fetchedAt) {}

    private final OAuthHttp http;
    private final URI jwksUri;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Set<String> requiredScopes;
    private final Set<String> acceptedTypes;
    private final Duration cacheTtl;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final Object fetchLock = new Object();
    private volatile KeySet keySet;
    private Instant lastFetchAttempt; // guarded by fetchLock
    private String lastFetchFailure; // guarded by fetchLock

    private JwtTokenValidator(Builder b) {
        this.http = new OAuthHttp(b.httpClient, b.requestTimeout, b.maxJwksBytes);
        this.jwksUri = b.jwksUri;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.clockSkew = b.clockSkew;
        this.requiredScopes = b.requiredScopes;
        this.acceptedTypes = b.acceptedTypes;
        this.cacheTtl = b.cacheTtl;
        this.minRefreshInterval = b.minRefreshInterval;
        this.clock = b.clock;
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
        try {
            return check(token);
        } catch (OAuthException e) {
            throw e;
        } catch (RuntimeException e) {
            // whatever a hostile token provokes is a refusal (401), never a server error
            throw new TokenValidationException(
                    "token cannot be validated (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private AuthInfo check(String token) {
        Jwt.Parsed jwt;
        try {
            jwt = Jwt.parse(token);
        } catch (IllegalArgumentException e) {
            throw new TokenValidationException("malformed token");
        }
        String alg = jwt.alg();
        if (!"RS256".equals(alg) && !"ES256".equals(alg)) {
            throw new TokenValidationException("unsupported token algorithm");
        }
        if (jwt.hasCrit()) {
            throw new TokenValidationException("token has a crit header (no extensions are understood)");
        }
        if (!acceptedTypes.isEmpty()) {
            String typ = jwt.typ();
            if (typ == null || !acceptedTypes.contains(normalizeType(typ))) {
                throw new TokenValidationException("token typ is " + (typ == null ? "absent" : "not accepted")
                        + " (expected one of " + acceptedTypes + ")");
            }
        }
        Jwks.Key key = findKey(jwt.kid(), alg, false);
        if (key == null) {
            key = findKey(jwt.kid(), alg, true);
        }
        if (key == null) {
            String kid = jwt.kid();
            throw new TokenValidationException("no key "
                    + (kid == null ? "for " + alg : kid.length() > 64 ? kid.substring(0, 64) + "..." : kid)
                    + " in JWKS");
        }
        if (!Jwt.verify(jwt, key.key())) {
            throw new TokenValidationException("token signature is invalid");
        }
        return Claims.check(
                token, jwt.claims(), issuer, audience, true, true, clock.instant(), clockSkew, requiredScopes);
    }

    /** {@code typ} compared case-insensitively, {@code application/} omitted (RFC 7515 section 4.1.9). */
    private static String normalizeType(String typ) {
        String t = typ.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("application/") ? t.substring("application/".length()) : t;
    }

    private Jwks.Key findKey(String kid, String alg, boolean unknownKid) {
        KeySet current = keys(unknownKid);
        for (Jwks.Key k : current.keys()) {
            if (k.alg().equals(alg) && (kid == null || kid.equals(k.kid()))) {
                return k;
            }
        }
        return null;
    }

    /**
     * The key set: the cached one while fresh; fetched when stale, or when a token names an unknown key id; never
     * fetched twice within {@code minRefreshInterval} (successful or not).
     */
    private KeySet keys(boolean unknownKid) {
        Instant now = clock.instant();
        KeySet current = keySet;
        if (current != null && !unknownKid && fresh(current, now)) {
            return current;
        }
        synchronized (fetchLock) {
            current = keySet;
            boolean stale = current == null || !fresh(current, now);
            boolean mayFetch = lastFetchAttempt == null
                    || !lastFetchAttempt.plus(minRefreshInterval).isAfter(now);
            if (!mayFetch || !stale && !unknownKid) {
                if (current == null) {
                    throw new TokenValidationException("cannot fetch the JWKS: " + lastFetchFailure);
                }
                return current;
            }
            lastFetchAttempt = now;
            try {
                OAuthHttp.Response r = http.get(jwksUri);
                if (!r.ok()) {
                    throw new McpException("JWKS endpoint answered " + r.status());
                }
                keySet = new KeySet(Jwks.parse(r.body()), now);
                lastFetchFailure = null;
            } catch (McpException e) {
                lastFetchFailure = e.getMessage();
                if (current == null) {
                    throw new TokenValidationException("cannot fetch the JWKS: " + e.getMessage(), e);
                }
                // keep the keys we have; the next fetch comes after minRefreshInterval
            }
            return keySet;
        }
    }

    private boolean fresh(KeySet set, Instant now) {
        return set.fetchedAt().plus(cacheTtl).isAfter(now);
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
        private Set<String> acceptedTypes = ACCESS_TOKEN_TYPES;
        private int maxJwksBytes = 256 * 1024;
        private Duration cacheTtl = Duration.ofMinutes(10);
        private Duration minRefreshInterval = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Where the authorization server publishes its keys (required): https, or http on a loopback host.
         *
         * @param uri where the authorization server publishes its keys (required): https, or http on a loopback host
         * @return this builder
         */
        public Builder jwksUri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            Uris.requireSecure(uri, "JWKS URI");
            this.jwksUri = uri;
            return this;
        }

        /**
         * The header {@code typ} values accepted, compared case-insensitively with any {@code application/} prefix
         * omitted (default {@link #ACCESS_TOKEN_TYPES}: {@code at+jwt}). An empty set accepts any {@code typ} or
         * none, for authorization servers that do not follow RFC 9068 (weaker: other JWTs signed with the same keys,
         * such as ID tokens, are then taken for access tokens).
         *
         * @param types the header {@code typ} values accepted, compared case-insensitively with any {@code
         *     application/} prefix omitted (default {@link #ACCESS_TOKEN_TYPES}: {@code at+jwt})
         * @return this builder
         */
        public Builder acceptedTypes(Collection<String> types) {
            this.acceptedTypes =
                    types.stream().map(JwtTokenValidator::normalizeType).collect(Collectors.toUnmodifiableSet());
            return this;
        }

        /**
         * The largest JWKS document read (default 256 KiB); a larger one fails the fetch.
         *
         * @param bytes the largest JWKS document read (default 256 KiB); a larger one fails the fetch
         * @return this builder
         */
        public Builder maxJwksBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("bytes must be positive");
            }
            this.maxJwksBytes = bytes;
            return this;
        }

        /**
         * The expected {@code iss} (required).
         *
         * @param issuer the expected {@code iss} (required)
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
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
         * Scopes every token must carry (default none); a token without them gets 403 insufficient_scope.
         *
         * @param scopes scopes every token must carry (default none); a token without them gets 403 insufficient_scope
         * @return this builder
         */
        public Builder requiredScopes(Set<String> scopes) {
            this.requiredScopes = Set.copyOf(scopes);
            return this;
        }

        /**
         * How long fetched keys are trusted before a refetch (default 10 minutes).
         *
         * @param ttl how long fetched keys are trusted before a refetch (default 10 minutes)
         * @return this builder
         */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * The least time between two JWKS fetches caused by unknown key ids or failures (default 30 s).
         *
         * @param interval the least time between two JWKS fetches caused by unknown key ids or failures (default 30 s)
         * @return this builder
         */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * The client that fetches the JWKS (default: a new client).
         *
         * @param client the client that fetches the JWKS (default: a new client)
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The timeout of a JWKS fetch, body included (default 10 s).
         *
         * @param timeout the timeout of a JWKS fetch, body included (default 10 s)
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
         * @return the built JWT token validator
         */
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
