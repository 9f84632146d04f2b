package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.McpException;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.internal.Forms;
import dev.jmcp.transport.http.common.internal.OAuthHttp;
import dev.jmcp.transport.http.servlet.auth.internal.Claims;
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
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AuthInfo validate(String token) {
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
                throw new TokenValidationException("introspection endpoint answered " + r.status());
            }
            json = r.json();
        } catch (TokenValidationException e) {
            throw e;
        } catch (McpException e) {
            throw new TokenValidationException("token introspection failed: " + e.getMessage(), e);
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

        private Builder() {}

        /** The introspection endpoint (required). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** The resource server's credentials at the introspection endpoint. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The resource that must appear in {@code aud}: this server's canonical URI (required). */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /**
         * Whether a response without {@code aud} is refused (default true). Turn off only when the authorization
         * server binds tokens to resources some other way.
         */
        public Builder requireAudience(boolean require) {
            this.requireAudience = require;
            return this;
        }

        /** The expected {@code iss}, when the response carries one (default: not checked). */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Scopes every token must carry (default none). */
        public Builder requiredScopes(Set<String> scopes) {
            this.requiredScopes = Set.copyOf(scopes);
            return this;
        }

        /** Tolerance for {@code exp} and {@code nbf} (default 60 s). */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** The client for introspection requests (default: a new client). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The timeout of an introspection request (default 10 s). */
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
