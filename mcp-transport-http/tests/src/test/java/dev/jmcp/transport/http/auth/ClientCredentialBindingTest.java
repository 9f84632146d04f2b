package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.transport.http.client.auth.OAuthClientProvider;
import dev.jmcp.transport.http.common.OAuthException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code clientCredentials(id, secret)} goes to one authorization server only (security review A3): the first one
 * it is used with; when the resource later names another one, the secret is not sent there and the client fails
 * clearly. Through HTTP on 127.0.0.1 with the fake authorization and resource servers.
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

    @Test
    void clientCredentialsAreBoundToTheFirstAuthorizationServerAndNeverSentToAnother() {
        OAuthClientProvider provider = OAuthClientProvider.builder()
                .clientCredentialsGrant()
                .clientCredentials("machine", "machine-secret")
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(f.call(provider)).isEqualTo(200);
        assertThat(f.as.paths()).contains("POST /token");

        // the resource now names another authorization server (same host here; a different issuer all the same)
        f.issuerPath = "/elsewhere";
        f.install();
        f.issuedTokens.clear();
        assertThatThrownBy(() -> f.call(provider))
                .isInstanceOf(OAuthException.class)
                .hasMessageContaining("bound to the authorization server " + f.as.url())
                .hasMessageContaining(f.issuer());
        assertThat(f.as.paths()).doesNotContain("POST /elsewhere/token");
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
