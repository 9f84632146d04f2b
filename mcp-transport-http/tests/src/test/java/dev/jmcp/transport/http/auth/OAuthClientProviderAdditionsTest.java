package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.auth.LoopbackServer.Req;
import dev.jmcp.transport.http.client.auth.HeadlessAuthorizationCodeHandler;
import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.common.OAuthException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 2026-07-28 client additions: metadata issuer check (RFC 8414 §3.3), re-registration when the resource moves
 * to another authorization server, DCR {@code application_type}, credentials per issuer, cross-app access.
 */
class OAuthClientProviderAdditionsTest {
    private OAuthFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new OAuthFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OAuthClientProvider.Builder builder(String redirect) {
        return OAuthClientProvider.builder()
                .authorizationCodeHandler(new HeadlessAuthorizationCodeHandler())
                .redirectUri(URI.create(redirect))
                .requestTimeout(Duration.ofSeconds(5))
                .authorizationTimeout(Duration.ofSeconds(5));
    }

    @Test
    void metadataNamingAnotherIssuerIsRefusedBeforeAnyEndpointIsUsed() {
        f.metadataCustomizer = md -> md.put("issuer", "https://attacker.example.com");
        f.install();
        OAuthClientProvider provider = builder("http://127.0.0.1:3000/callback").build();
        assertThatThrownBy(() -> f.call(provider))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("https://attacker.example.com")
                .hasMessageContaining("RFC 8414");
        assertThat(f.registrations).isEmpty();
        assertThat(f.authorizations).isEmpty();
        assertThat(f.tokenRequests).isEmpty();
    }

    @Test
    void aResourceMovingToAnotherAuthorizationServerGetsANewRegistrationThere() {
        OAuthClientProvider provider = builder("http://127.0.0.1:3000/callback").build();
        assertThat(f.call(provider)).isEqualTo(200);
        String firstClient = f.lastAuthorization().get("client_id");

        // the resource now trusts another issuer, and refuses tokens of the first
        f.issuerPath = "/as2";
        f.install();
        f.issuedTokens.clear();
        assertThat(f.call(provider)).isEqualTo(200);

        assertThat(f.registrations).hasSize(2);
        String secondClient = f.lastAuthorization().get("client_id");
        assertThat(secondClient).isNotEqualTo(firstClient);
        assertThat(f.lastTokenFormClientId()).isNotEqualTo(firstClient);
        assertThat(f.as.paths()).contains("POST /as2/register", "POST /as2/token");
    }

    @Test
    void dynamicRegistrationSaysNativeForLoopbackRedirectsAndWebOtherwise() {
        assertThat(f.call(builder("http://127.0.0.1:3000/callback").build())).isEqualTo(200);
        assertThat(f.call(builder("https://app.example.com/callback").build())).isEqualTo(200);
        assertThat(f.registrations.get(0).path("application_type").asString()).isEqualTo("native");
        assertThat(f.registrations.get(1).path("application_type").asString()).isEqualTo("web");
        assertThat(f.registrations.get(1).path("grant_types").toString()).contains("refresh_token");
    }

    @Test
    void credentialsForAnIssuerAreUsedOnlyThere() {
        f.expectedAuthMethod = "client_secret_basic";
        f.metadataCustomizer = md -> md.remove("registration_endpoint");
        f.clients.put("mine", "s3cret");
        f.install();
        OAuthClientProvider provider = builder("http://127.0.0.1:3000/callback")
                .clientCredentials("https://other-as.example.com", "not-mine", "x")
                .clientCredentials(f.issuer(), "mine", "s3cret")
                .build();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.lastAuthorization()).containsEntry("client_id", "mine");
        String basic = f.tokenRequests.get(0).header("Authorization");
        assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("mine:s3cret");

        // no credentials for this issuer and no registration endpoint: a clear error
        OAuthClientProvider elsewhere = builder("http://127.0.0.1:3000/callback")
                .clientCredentials("https://other-as.example.com", "not-mine", "x")
                .build();
        assertThatThrownBy(() -> f.call(elsewhere))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("no client identity");
    }

    @Test
    void crossAppAccessExchangesTheIdTokenAtTheIdpThenUsesTheJwtBearerGrant() throws Exception {
        List<Req> idpRequests = Collections.synchronizedList(new ArrayList<>());
        try (LoopbackServer idp = new LoopbackServer()) {
            idp.route("/token", req -> {
                idpRequests.add(req);
                return Reply.json(
                        200,
                        "{\"access_token\":\"jag-1\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:id-jag\","
                                + "\"token_type\":\"N_A\"}");
            });
            f.expectedAuthMethod = "client_secret_basic";
            f.clients.put("xaa client", "xaa/secret");
            f.acceptedAssertion = "jag-1";
            f.metadataCustomizer =
                    md -> md.putArray("grant_types_supported").add("urn:ietf:params:oauth:grant-type:jwt-bearer");
            f.install();
            OAuthClientProvider provider = OAuthClientProvider.builder()
                    .clientCredentials("xaa client", "xaa/secret")
                    .crossAppAccess(URI.create(idp.url() + "/token"), "idp-client", "the-id-token")
                    .requestTimeout(Duration.ofSeconds(5))
                    .build();

            assertThat(f.call(provider)).isEqualTo(200);

            assertThat(idpRequests).hasSize(1);
            Map<String, String> exchange = idpRequests.get(0).form();
            assertThat(exchange)
                    .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                    .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:id-jag")
                    .containsEntry("audience", f.issuer())
                    .containsEntry("resource", f.mcpUrl().toString())
                    .containsEntry("subject_token", "the-id-token")
                    .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:id_token")
                    .containsEntry("client_id", "idp-client");
            assertThat(f.authorizations).isEmpty();
            assertThat(f.registrations).isEmpty();
            Req token = f.tokenRequests.get(0);
            assertThat(token.form())
                    .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                    .containsEntry("assertion", "jag-1");
            assertThat(token.header("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString("xaa+client:xaa%2Fsecret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void crossAppAccessReportsARefusedExchange() throws Exception {
        try (LoopbackServer idp = new LoopbackServer()) {
            idp.route(
                    "/token", req -> Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad id\"}"));
            f.metadataCustomizer =
                    md -> md.putArray("grant_types_supported").add("urn:ietf:params:oauth:grant-type:jwt-bearer");
            f.install();
            OAuthClientProvider provider = OAuthClientProvider.builder()
                    .clientCredentials("c", "s")
                    .crossAppAccess(URI.create(idp.url() + "/token"), "idp-client", "stale")
                    .requestTimeout(Duration.ofSeconds(5))
                    .build();
            assertThatThrownBy(() -> f.call(provider))
                    .isInstanceOfSatisfying(
                            OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"))
                    .hasMessageContaining("token exchange")
                    .hasMessageContaining("bad id");
        }
    }
}
