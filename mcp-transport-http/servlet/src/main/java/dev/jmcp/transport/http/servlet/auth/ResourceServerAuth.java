package dev.jmcp.transport.http.servlet.auth;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.ProtectedResourceMetadata;
import dev.jmcp.transport.http.common.internal.Uris;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Bearer-token protection of an MCP endpoint (OAuth 2.1 resource server, RFC 6750, RFC 9728).
 *
 * <p>{@link #authenticate(String)} maps the {@code Authorization} header to an {@link AuthOutcome}: no token gives
 * 401 with {@code resource_metadata} and {@code scope}; an invalid or expired token gives 401 {@code
 * invalid_token}; a token without the required scopes gives 403 {@code insufficient_scope}; a malformed header
 * gives 400 {@code invalid_request}. {@link #metadataJson()} is the protected resource metadata to serve at
 * {@link #wellKnownPaths()}.
 */
public final class ResourceServerAuth {
    private final String resource;
    private final ProtectedResourceMetadata metadata;
    private final URI resourceMetadataUrl;
    private final Set<String> requiredScopes;
    private final TokenValidator validator;

    private ResourceServerAuth(Builder b) {
        this.resource = b.resource;
        this.requiredScopes = Set.copyOf(b.requiredScopes);
        this.validator = b.validator;
        this.resourceMetadataUrl = b.resourceMetadataUrl != null
                ? b.resourceMetadataUrl
                : Uris.wellKnown(URI.create(b.resource), "oauth-protected-resource", true);
        this.metadata = new ProtectedResourceMetadata(
                b.resource,
                b.authorizationServers,
                b.scopesSupported,
                List.of("header"),
                b.resourceName,
                b.resourceDocumentation);
    }

    /**
     * A builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The canonical resource URI.
     *
     * @return the canonical resource URI
     */
    public String resource() {
        return resource;
    }

    /**
     * The protected resource metadata.
     *
     * @return the protected resource metadata
     */
    public ProtectedResourceMetadata metadata() {
        return metadata;
    }

    /**
     * The protected resource metadata document (JSON).
     *
     * @return the protected resource metadata document (JSON)
     */
    public String metadataJson() {
        return metadata.toJson();
    }

    /**
     * The absolute URL of the metadata document, as advertised in challenges.
     *
     * @return the absolute URL of the metadata document, as advertised in challenges
     */
    public URI resourceMetadataUrl() {
        return resourceMetadataUrl;
    }

    /**
     * The paths (on the resource's origin) at which to serve {@link #metadataJson()}: the advertised metadata URL's
     * path first, then the path-based well-known URL ({@code /.well-known/oauth-protected-resource/<path>}), then
     * the root well-known URL when the resource has no path. Serving the root as well is a choice for hosts with a
     * single resource.
     *
     * @return the paths (on the resource's origin) at which to serve {@link #metadataJson()}: the advertised metadata
     *     URL's path first, then the path-based well-known URL ({@code /.well-known/oauth-protected-resource/<path>}),
     *     then the root well-known URL when the resource has no path
     */
    public List<String> wellKnownPaths() {
        Set<String> paths = new LinkedHashSet<>();
        URI res = URI.create(resource);
        if (Uris.sameOrigin(resourceMetadataUrl, res)) {
            paths.add(resourceMetadataUrl.getRawPath());
        }
        paths.add("/.well-known/oauth-protected-resource" + Uris.normalizedPath(res));
        return new ArrayList<>(paths);
    }

    /**
     * Checks the {@code Authorization} header (may be null) against the required scopes.
     *
     * @param authorizationHeader the request's {@code Authorization} header, or null
     * @return the authenticated principal, or the HTTP challenge to answer with
     */
    public AuthOutcome authenticate(String authorizationHeader) {
        return authenticate(authorizationHeader, Set.of());
    }

    /**
     * Checks the {@code Authorization} header (may be null) against the required scopes plus {@code extraScopes}
     * (e.g. what one tool needs).
     *
     * @param authorizationHeader the request's {@code Authorization} header, or null
     * @param extraScopes scopes this request needs beyond the required ones
     * @return the authenticated principal, or the HTTP challenge to answer with
     */
    public AuthOutcome authenticate(String authorizationHeader, Collection<String> extraScopes) {
        Set<String> needed = new LinkedHashSet<>(requiredScopes);
        needed.addAll(extraScopes);
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return challenge(401, null, null, needed);
        }
        String header = authorizationHeader.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!"bearer".equals(scheme.toLowerCase(Locale.ROOT))) {
            return challenge(401, null, null, needed);
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (!isB64Token(token)) {
            return challenge(400, "invalid_request", "malformed Bearer credentials", needed);
        }
        AuthInfo info;
        try {
            info = validator.validate(token);
        } catch (InsufficientScopeException e) {
            Set<String> scope =
                    new LinkedHashSet<>(e.info() == null ? Set.of() : e.info().scopes());
            scope.addAll(e.requiredScopes());
            scope.addAll(needed);
            return challenge(403, "insufficient_scope", "the token lacks required scopes", scope);
        } catch (TokenValidationException e) {
            return challenge(401, "invalid_token", e.getMessage(), needed);
        } catch (RuntimeException e) {
            // a validator that fails on a hostile token refuses it; never a 500
            return challenge(401, "invalid_token", "the token cannot be validated", needed);
        }
        if (!info.scopes().containsAll(needed)) {
            return insufficientScope(info, needed);
        }
        return new AuthOutcome.Authenticated(info);
    }

    /**
     * The 403 answer for a principal that lacks scopes: its {@code scope} is the union of the granted and the
     * needed scopes, so the client's re-authorization keeps what it had.
     *
     * @param info the info
     * @param neededScopes the needed scopes
     * @return the 403 answer for a principal that lacks scopes: its {@code scope} is the union of the granted and the
     *     needed scopes, so the client's re-authorization keeps what it had
     */
    public AuthOutcome.Challenge insufficientScope(AuthInfo info, Collection<String> neededScopes) {
        Set<String> scope = new LinkedHashSet<>(info.scopes());
        scope.addAll(neededScopes);
        return challenge(403, "insufficient_scope", "the token lacks required scopes", scope);
    }

    private AuthOutcome.Challenge challenge(int status, String error, String description, Set<String> scopes) {
        StringBuilder h = new StringBuilder("Bearer ");
        if (error != null) {
            h.append("error=").append(quote(error)).append(", ");
        }
        if (description != null) {
            h.append("error_description=").append(quote(description)).append(", ");
        }
        if (!scopes.isEmpty()) {
            h.append("scope=").append(quote(String.join(" ", scopes))).append(", ");
        }
        h.append("resource_metadata=").append(quote(resourceMetadataUrl.toString()));
        return new AuthOutcome.Challenge(status, h.toString(), error, description);
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isB64Token(String token) {
        if (token.isEmpty() || token.length() > 16 * 1024) {
            return false;
        }
        int i = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            boolean ok =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0;
            if (!ok) {
                break;
            }
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < token.length() && token.charAt(i) == '=') {
            i++;
        }
        return i == token.length();
    }

    /** Configures a {@link ResourceServerAuth}. */
    public static final class Builder {
        private String resource;
        private List<String> authorizationServers = List.of();
        private List<String> scopesSupported;
        private Set<String> requiredScopes = Set.of();
        private TokenValidator validator;
        private URI resourceMetadataUrl;
        private String resourceName;
        private String resourceDocumentation;

        private Builder() {}

        /**
         * The canonical URI of the MCP endpoint, e.g. {@code https://mcp.example.com/mcp} (required).
         *
         * @param resource the canonical URI of the MCP endpoint, e.g. {@code https://mcp.example.com/mcp} (required)
         * @return this builder
         */
        public Builder resource(String resource) {
            URI uri = Uris.httpUri(resource, "resource");
            if (uri.getRawFragment() != null) {
                throw new IllegalArgumentException("a resource URI has no fragment: " + resource);
            }
            this.resource = resource;
            return this;
        }

        /**
         * Issuer URLs of the authorization servers (at least one required).
         *
         * @param issuers issuer URLs of the authorization servers (at least one required)
         * @return this builder
         */
        public Builder authorizationServers(List<String> issuers) {
            issuers.forEach(i -> Uris.httpUri(i, "authorization server"));
            this.authorizationServers = List.copyOf(issuers);
            return this;
        }

        /**
         * Scopes published in the metadata.
         *
         * @param scopes scopes published in the metadata
         * @return this builder
         */
        public Builder scopesSupported(List<String> scopes) {
            this.scopesSupported = List.copyOf(scopes);
            return this;
        }

        /**
         * Scopes every request needs; also announced in 401 challenges.
         *
         * @param scopes scopes every request needs; also announced in 401 challenges
         * @return this builder
         */
        public Builder requiredScopes(Set<String> scopes) {
            this.requiredScopes = Set.copyOf(scopes);
            return this;
        }

        /**
         * Validates tokens (required).
         *
         * @param validator validates the bearer tokens
         * @return this builder
         */
        public Builder tokenValidator(TokenValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * The absolute URL of the metadata document; default {@code <origin>/.well-known/oauth-protected-resource
         * <path>}.
         *
         * @param url the absolute URL of the metadata document; default {@code
         *     <origin>/.well-known/oauth-protected-resource <path>}
         * @return this builder
         */
        public Builder resourceMetadataUrl(URI url) {
            this.resourceMetadataUrl = Uris.httpUri(url.toString(), "resource metadata URL");
            return this;
        }

        /**
         * A human-readable name for the metadata.
         *
         * @param name a human-readable name for the metadata
         * @return this builder
         */
        public Builder resourceName(String name) {
            this.resourceName = name;
            return this;
        }

        /**
         * A documentation URL for the metadata.
         *
         * @param url a documentation URL for the metadata
         * @return this builder
         */
        public Builder resourceDocumentation(String url) {
            this.resourceDocumentation = url;
            return this;
        }

        /**
         * Builds it.
         *
         * @return the built resource server auth
         */
        public ResourceServerAuth build() {
            if (resource == null || validator == null || authorizationServers.isEmpty()) {
                throw new IllegalStateException("resource, tokenValidator and authorizationServers are required");
            }
            return new ResourceServerAuth(this);
        }
    }
}
