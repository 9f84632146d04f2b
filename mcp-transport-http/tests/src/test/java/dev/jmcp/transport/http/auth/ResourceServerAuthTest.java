package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.client.auth.WwwAuthenticate;
import dev.jmcp.transport.http.servlet.auth.AuthOutcome;
import dev.jmcp.transport.http.servlet.auth.InsufficientScopeException;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import dev.jmcp.transport.http.servlet.auth.TokenValidator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceServerAuthTest {
    private static final String PRM = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";

    private final TokenValidator validator = token -> switch (token) {
        case "good" -> new AuthInfo(token, "c1", "u1", Set.of("mcp:read"), null, Map.of());
        case "admin" -> new AuthInfo(token, "c1", "u1", Set.of("mcp:read", "mcp:admin"), null, Map.of());
        default -> throw new TokenValidationException("token expired");
    };

    private ResourceServerAuth auth() {
        return ResourceServerAuth.builder()
                .resource("https://mcp.example.com/mcp")
                .authorizationServers(List.of("https://as.example.com"))
                .scopesSupported(List.of("mcp:read", "mcp:admin"))
                .requiredScopes(Set.of("mcp:read"))
                .tokenValidator(validator)
                .build();
    }

    @Test
    void missingTokenGets401WithResourceMetadataAndScope() {
        AuthOutcome outcome = auth().authenticate(null);
        assertThat(outcome)
                .isEqualTo(new AuthOutcome.Challenge(
                        401, "Bearer scope=\"mcp:read\", resource_metadata=\"" + PRM + "\"", null, null));
        assertThat(auth().authenticate("Basic dXNlcjpwYXNz")).isInstanceOf(AuthOutcome.Challenge.class);
    }

    @Test
    void invalidTokenGets401InvalidToken() {
        AuthOutcome.Challenge c = (AuthOutcome.Challenge) auth().authenticate("Bearer expired");
        assertThat(c.status()).isEqualTo(401);
        assertThat(c.wwwAuthenticate())
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"token expired\", scope=\"mcp:read\", "
                        + "resource_metadata=\"" + PRM + "\"");
        WwwAuthenticate parsed = WwwAuthenticate.parse(c.wwwAuthenticate());
        assertThat(parsed.resourceMetadata()).isEqualTo(PRM);
    }

    @Test
    void malformedCredentialsGet400() {
        for (String header : List.of("Bearer", "Bearer a b", "Bearer ~~ =x", "Bearer tok\"en")) {
            AuthOutcome.Challenge c = (AuthOutcome.Challenge) auth().authenticate(header);
            assertThat(c.status()).as(header).isEqualTo(400);
            assertThat(c.error()).isEqualTo("invalid_request");
        }
    }

    @Test
    void validTokenIsAuthenticatedCaseInsensitiveScheme() {
        AuthOutcome outcome = auth().authenticate("bearer good");
        assertThat(outcome).isInstanceOfSatisfying(AuthOutcome.Authenticated.class, a -> assertThat(
                        a.info().subject())
                .isEqualTo("u1"));
    }

    @Test
    void missingScopeGets403WithTheUnionOfGrantedAndRequired() {
        AuthOutcome.Challenge c = (AuthOutcome.Challenge) auth().authenticate("Bearer good", Set.of("mcp:admin"));
        assertThat(c.status()).isEqualTo(403);
        WwwAuthenticate parsed = WwwAuthenticate.parse(c.wwwAuthenticate());
        assertThat(parsed.error()).isEqualTo("insufficient_scope");
        assertThat(OAuthTokens.splitScopes(parsed.scope())).containsExactlyInAnyOrder("mcp:read", "mcp:admin");
        assertThat(parsed.resourceMetadata()).isEqualTo(PRM);
        assertThat(auth().authenticate("Bearer admin", Set.of("mcp:admin")))
                .isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void insufficientScopeFromTheValidatorGets403() {
        ResourceServerAuth auth = ResourceServerAuth.builder()
                .resource("https://mcp.example.com/mcp")
                .authorizationServers(List.of("https://as.example.com"))
                .tokenValidator(token -> {
                    throw new InsufficientScopeException(
                            new AuthInfo(token, null, null, Set.of("a"), null, Map.of()), Set.of("b"));
                })
                .build();
        AuthOutcome.Challenge c = (AuthOutcome.Challenge) auth.authenticate("Bearer x");
        assertThat(c.status()).isEqualTo(403);
        assertThat(OAuthTokens.splitScopes(
                        WwwAuthenticate.parse(c.wwwAuthenticate()).scope()))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void publishesResourceMetadata() {
        ResourceServerAuth auth = auth();
        var json = McpJson.parse(auth.metadataJson());
        assertThat(json.path("resource").asString()).isEqualTo("https://mcp.example.com/mcp");
        assertThat(json.path("authorization_servers").get(0).asString()).isEqualTo("https://as.example.com");
        assertThat(json.path("scopes_supported").size()).isEqualTo(2);
        assertThat(json.path("bearer_methods_supported").get(0).asString()).isEqualTo("header");
        assertThat(json.has("resource_name")).isFalse();
        assertThat(auth.wellKnownPaths()).containsExactly("/.well-known/oauth-protected-resource/mcp");
        assertThat(auth.resourceMetadataUrl()).isEqualTo(URI.create(PRM));
    }

    @Test
    void customMetadataUrlIsAdvertisedAndServedFirst() {
        ResourceServerAuth auth = ResourceServerAuth.builder()
                .resource("https://mcp.example.com/mcp")
                .authorizationServers(List.of("https://as.example.com"))
                .resourceMetadataUrl(URI.create("https://mcp.example.com/meta/prm.json"))
                .tokenValidator(validator)
                .build();
        assertThat(auth.wellKnownPaths())
                .containsExactly("/meta/prm.json", "/.well-known/oauth-protected-resource/mcp");
        assertThat(((AuthOutcome.Challenge) auth.authenticate(null)).wwwAuthenticate())
                .isEqualTo("Bearer resource_metadata=\"https://mcp.example.com/meta/prm.json\"");
    }
}
