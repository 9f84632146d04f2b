package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.client.auth.OAuthTokens;
import dev.jmcp.transport.http.servlet.auth.AuthOutcome;
import dev.jmcp.transport.http.servlet.auth.JwtTokenValidator;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both halves together: the client provider against a fake authorization server issuing ES256 JWTs, and a
 * protected resource guarded by {@link ResourceServerAuth} with a {@link JwtTokenValidator}.
 */
class EndToEndTest {
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private OAuthFixture f;
    private ResourceServerAuth auth;

    @BeforeEach
    void start() throws Exception {
        f = new OAuthFixture();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = gen.generateKeyPair();
        f.jwtKey = key;
        f.install();
        auth = ResourceServerAuth.builder()
                .resource(f.mcpUrl().toString())
                .authorizationServers(List.of(f.issuer()))
                .scopesSupported(List.of("mcp:read", "mcp:write"))
                .requiredScopes(Set.of("mcp:read"))
                .tokenValidator(JwtTokenValidator.builder()
                        .jwksUri(URI.create(f.as.url() + "/jwks"))
                        .issuer(f.issuer())
                        .audience(f.mcpUrl().toString())
                        .build())
                .build();
        f.rs.clearRoutes();
        for (String path : auth.wellKnownPaths()) {
            f.rs.route(path, req -> Reply.json(200, auth.metadataJson()));
        }
        f.rs.route("/mcp", req -> {
            boolean write = req.query().containsKey("write");
            AuthOutcome outcome =
                    auth.authenticate(req.header("Authorization"), write ? Set.of("mcp:write") : Set.of());
            if (outcome instanceof AuthOutcome.Challenge c) {
                return Reply.status(c.status()).withHeader("WWW-Authenticate", c.wwwAuthenticate());
            }
            return Reply.json(200, "{\"ok\":true}");
        });
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void clientObtainsAJwtTheResourceServerAcceptsAndStepsUpForMoreScope() {
        OAuthClientProvider provider = OAuthClientProvider.builder()
                .authorizationCodeHandler(new HeadlessAuthorizationCodeHandler())
                .redirectUri(URI.create("http://127.0.0.1:3000/callback"))
                .requestTimeout(Duration.ofSeconds(5))
                .build();

        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("scope", "mcp:read");

        // a request needing mcp:write: 403 insufficient_scope, step-up, success
        URI writeUrl = URI.create(f.mcpUrl() + "?write");
        assertThat(callAt(provider, writeUrl)).isEqualTo(200);
        assertThat(f.authorizations).hasSize(2);
        assertThat(OAuthTokens.splitScopes(f.lastAuthorization().get("scope")))
                .containsExactlyInAnyOrder("mcp:read", "mcp:write");
        assertThat(f.rs.paths()).contains("GET /.well-known/oauth-protected-resource/mcp");
    }

    private int callAt(OAuthClientProvider provider, URI url) {
        // the endpoint identity is the canonical URI, so the query variant is a distinct endpoint: use the same
        // endpoint for authorization bookkeeping and send to the query URL
        for (int i = 0; i < 10; i++) {
            var b = java.net.http.HttpRequest.newBuilder(url).POST(java.net.http.HttpRequest.BodyPublishers.noBody());
            provider.authorizationHeaders(f.mcpUrl()).forEach(b::header);
            java.net.http.HttpResponse<String> r;
            try {
                r = HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (r.statusCode() != 401 && r.statusCode() != 403) {
                return r.statusCode();
            }
            if (!provider.onUnauthorized(f.mcpUrl(), r.statusCode(), r.headers().allValues("WWW-Authenticate"))) {
                return r.statusCode();
            }
        }
        throw new AssertionError("never gave up");
    }
}
