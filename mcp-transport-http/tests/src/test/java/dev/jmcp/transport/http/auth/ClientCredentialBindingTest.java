package dev.jmcp.transport.http.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.common.OAuthException;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code clientCredentials(id, secret)} goes to one authorization server only (security review A3): the first one
 * it is used with; when the resource later names another one, the secret is not sent there: the client registers
 * there instead (SEP-2352) or fails clearly. Through HTTP on 127.0.0.1 with the fake authorization and resource
 * servers.
 */
@Timeout(30)
class ClientCredentialBindingTest {
    private OAuthFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new OAuthFixture();
        f.expectedAuthMethod = "client_secret_basic";
        f.clients.put("machine", "machine-secret");
        f.install();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OAuthClientProvider machine() {
        return OAuthClientProvider.builder()
                .clientCredentialsGrant()
                .clientCredentials("machine", "machine-secret")
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The resource now names another authorization server (same host here; another issuer all the same). */
    private void migrate() {
        f.issuerPath = "/elsewhere";
        f.install();
        f.issuedTokens.clear();
    }

    private boolean secretSentTo(String path) {
        String basic = "Basic " + Base64.getEncoder().encodeToString("machine:machine-secret".getBytes(UTF_8));
        return f.tokenRequests.stream()
                .anyMatch(r -> r.uri().getPath().equals(path)
                        && (basic.equals(r.header("Authorization"))
                                || "machine-secret".equals(r.form().get("client_secret"))));
    }

    @Test
    void clientCredentialsAreBoundToTheFirstAuthorizationServerAndNeverSentToAnother() {
        f.metadataCustomizer = md -> md.remove("registration_endpoint");
        f.install();
        OAuthClientProvider provider = machine();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(secretSentTo("/token")).isTrue();

        migrate();
        assertThatThrownBy(() -> f.call(provider))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("bound to " + f.as.url())
                .hasMessageContaining(f.issuer());
        assertThat(f.as.paths()).doesNotContain("POST /elsewhere/token");
    }

    @Test
    void afterAMoveTheClientRegistersAtTheNewServerInsteadOfReusingTheSecret() {
        OAuthClientProvider provider = machine();
        assertThat(f.call(provider)).isEqualTo(200);
        migrate();
        try {
            f.call(provider);
        } catch (OAuthException e) {
            // whether the registered client may use this grant is the fixture's business; the secret is ours
        }
        assertThat(f.as.paths()).contains("POST /elsewhere/register");
        assertThat(secretSentTo("/elsewhere/token"))
                .as("the secret went to the new server")
                .isFalse();
    }

    @Test
    void credentialsNamedForAnIssuerStillWorkThereAfterAMove() {
        f.clients.put("second", "second-secret");
        f.install();
        OAuthClientProvider provider = OAuthClientProvider.builder()
                .clientCredentialsGrant()
                .clientCredentials(f.as.url() + "/elsewhere", "second", "second-secret")
                .clientCredentials("machine", "machine-secret")
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(f.call(provider)).isEqualTo(200);
        f.issuerPath = "/elsewhere";
        f.install();
        f.issuedTokens.clear();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.as.paths()).contains("POST /elsewhere/token");
    }
}
