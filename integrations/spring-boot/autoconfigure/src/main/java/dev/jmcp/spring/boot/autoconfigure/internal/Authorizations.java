package dev.jmcp.spring.boot.autoconfigure.internal;

import dev.jmcp.spring.boot.autoconfigure.McpServerProperties;
import dev.jmcp.transport.http.servlet.auth.IntrospectionTokenValidator;
import dev.jmcp.transport.http.servlet.auth.JwtTokenValidator;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidator;
import java.util.List;

/** Builds the {@link ResourceServerAuth} that {@code jmcp.server.authorization.*} describes. */
public final class Authorizations {
    private static final String PREFIX = "jmcp.server.authorization.";

    private Authorizations() {}

    /**
     * The authorization, or null when {@code resource} is unset.
     *
     * @throws IllegalStateException naming the property when the settings are incomplete or contradictory
     */
    public static ResourceServerAuth of(McpServerProperties.Authorization a) {
        if (a.getResource() == null || a.getResource().isBlank()) {
            return null;
        }
        if (a.getIssuer() == null || a.getIssuer().isBlank()) {
            throw new IllegalStateException(PREFIX + "issuer is required with " + PREFIX + "resource");
        }
        if ((a.getJwksUri() == null) == (a.getIntrospectionUri() == null)) {
            throw new IllegalStateException(
                    "set exactly one of " + PREFIX + "jwks-uri and " + PREFIX + "introspection-uri");
        }
        String audience = a.getAudience() != null ? a.getAudience() : a.getResource();
        TokenValidator validator;
        if (a.getJwksUri() != null) {
            validator = JwtTokenValidator.builder()
                    .jwksUri(a.getJwksUri())
                    .issuer(a.getIssuer())
                    .audience(audience)
                    .requiredScopes(a.getRequiredScopes())
                    .build();
        } else {
            IntrospectionTokenValidator.Builder b = IntrospectionTokenValidator.builder()
                    .endpoint(a.getIntrospectionUri())
                    .issuer(a.getIssuer())
                    .audience(audience)
                    .requiredScopes(a.getRequiredScopes());
            if (a.getIntrospectionClientId() != null) {
                b.clientCredentials(a.getIntrospectionClientId(), a.getIntrospectionClientSecret());
            }
            validator = b.build();
        }
        ResourceServerAuth.Builder auth = ResourceServerAuth.builder()
                .resource(a.getResource())
                .authorizationServers(List.of(a.getIssuer()))
                .requiredScopes(a.getRequiredScopes())
                .tokenValidator(validator);
        if (!a.getScopesSupported().isEmpty()) {
            auth.scopesSupported(a.getScopesSupported());
        }
        return auth.build();
    }
}
