package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.common.OAuthException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private OAuthFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new OAuthFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OAuthClientProvider provider() {
        return OAuthClientProvider.builder()
                .authorizationCodeHandler(new HeadlessAuthorizationCodeHandler())
                .redirectUri(URI.create("http://localhost:3000/callback"))
                .requestTimeout(Duration.ofSeconds(5))
                .authorizationTimeout(Duration.ofSeconds(5))
                .build();
    }

    private List<String> wellKnownGets(LoopbackServer server) {
        return server.paths().stream().filter(p -> p.contains("/.well-known/")).toList();
    }

    @Test
    void resourceMetadataFromTheChallengeIsFetchedFirstAndAlone() {
        f.prmPath = "/custom/metadata/location.json";
        f.install();
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(f.rs.paths()).contains("GET /custom/metadata/location.json");
        assertThat(wellKnownGets(f.rs)).isEmpty();
    }

    @Test
    void pathBasedResourceMetadataIsTriedBeforeTheRoot() {
        f.resourceMetadataInChallenge = false;
        f.install();
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(wellKnownGets(f.rs)).containsExactly("GET /.well-known/oauth-protected-resource/mcp");
    }

    @Test
    void rootResourceMetadataIsUsedWhenThePathBasedOneIs404() {
        f.resourceMetadataInChallenge = false;
        f.prmPath = "/.well-known/oauth-protected-resource";
        f.prmResource = f.rs.url();
        f.install();
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(wellKnownGets(f.rs))
                .containsExactly(
                        "GET /.well-known/oauth-protected-resource/mcp", "GET /.well-known/oauth-protected-resource");
        assertThat(f.lastAuthorization()).containsEntry("resource", f.rs.url());
    }

    @Test
    void issuerWithPathTriesTheThreeMetadataUrlsInOrderAndNeverTheRoot() {
        f.issuerPath = "/tenant1";
        f.metadataPath = "/tenant1/.well-known/openid-configuration";
        f.install();
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(wellKnownGets(f.as))
                .containsExactly(
                        "GET /.well-known/oauth-authorization-server/tenant1",
                        "GET /.well-known/openid-configuration/tenant1",
                        "GET /tenant1/.well-known/openid-configuration");
    }

    @Test
    void issuerWithoutPathFallsBackToOpenIdConfiguration() {
        f.metadataPath = "/.well-known/openid-configuration";
        f.install();
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(wellKnownGets(f.as))
                .containsExactly(
                        "GET /.well-known/oauth-authorization-server", "GET /.well-known/openid-configuration");
    }

    @Test
    void resourceOfAnotherOriginIsRefusedBeforeAnyAuthorizationRequest() {
        f.prmResource = "https://evil.example.com/mcp";
        f.install();
        OAuthClientProvider provider = provider();
        assertThatThrownBy(() -> f.call(provider))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("evil.example.com")
                .hasMessageContaining("refusing");
        assertThat(f.as.paths()).isEmpty();
    }

    @Test
    void withoutResourceMetadataTheMcpOriginIsTheAuthorizationServer() {
        f.prmPath = null;
        f.resourceMetadataInChallenge = false;
        f.install();
        f.rs.route(
                "/.well-known/oauth-authorization-server",
                req -> Reply.json(200, f.metadata().toString()));
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(wellKnownGets(f.rs))
                .containsExactly(
                        "GET /.well-known/oauth-protected-resource/mcp",
                        "GET /.well-known/oauth-protected-resource",
                        "GET /.well-known/oauth-authorization-server");
        assertThat(f.lastAuthorization()).containsEntry("resource", f.mcpUrl().toString());
    }

    @Test
    void withoutAnyMetadataDefaultEndpointsOnTheMcpOriginAreUsed() {
        f.prmPath = null;
        f.resourceMetadataInChallenge = false;
        f.expectedAuthMethod = "client_secret_basic";
        f.install();
        f.rs.route("/authorize", f::authorize);
        f.rs.route("/token", f::token);
        f.rs.route("/register", f::register);
        assertThat(f.call(provider())).isEqualTo(200);
        assertThat(f.rs.paths())
                .contains("POST /register", "GET /authorize", "POST /token")
                .contains("GET /.well-known/oauth-authorization-server", "GET /.well-known/openid-configuration");
        assertThat(f.as.paths()).isEmpty();
    }
}
