package dev.jmcp.transport.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.auth.LoopbackServer.Reply;
import dev.jmcp.transport.http.servlet.auth.InsufficientScopeException;
import dev.jmcp.transport.http.servlet.auth.IntrospectionTokenValidator;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntrospectionTokenValidatorTest {
    private static final String RESOURCE = "https://mcp.example.com/mcp";
    private LoopbackServer as;

    @BeforeEach
    void start() throws Exception {
        as = new LoopbackServer();
        long exp = Instant.now().getEpochSecond() + 300;
        as.route("/introspect", req -> {
            if (!TokenEndpointAuth.BASIC_RS.equals(req.header("Authorization"))) {
                return Reply.json(401, "{\"error\":\"invalid_client\"}");
            }
            return switch (req.form().get("token")) {
                case "good" ->
                    Reply.json(
                            200,
                            "{\"active\":true,\"sub\":\"u1\",\"client_id\":\"c1\",\"scope\":\"a b\"," + "\"aud\":[\""
                                    + RESOURCE + "\"],\"exp\":" + exp + "}");
                case "other-aud" ->
                    Reply.json(200, "{\"active\":true,\"aud\":\"https://other.example.com\",\"exp\":" + exp + "}");
                case "no-aud" -> Reply.json(200, "{\"active\":true,\"exp\":" + exp + "}");
                case "expired" -> Reply.json(200, "{\"active\":true,\"aud\":\"" + RESOURCE + "\",\"exp\":1}");
                default -> Reply.json(200, "{\"active\":false}");
            };
        });
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private IntrospectionTokenValidator.Builder validator() {
        return IntrospectionTokenValidator.builder()
                .endpoint(URI.create(as.url() + "/introspect"))
                .clientCredentials("rs", "rs secret")
                .audience(RESOURCE);
    }

    @Test
    void activeTokenForThisResourceIsAccepted() {
        AuthInfo info = validator().build().validate("good");
        assertThat(info.subject()).isEqualTo("u1");
        assertThat(info.clientId()).isEqualTo("c1");
        assertThat(info.scopes()).containsExactlyInAnyOrder("a", "b");
        assertThat(as.requests("/introspect").get(0).form()).containsEntry("token_type_hint", "access_token");
    }

    @Test
    void inactiveExpiredAndForeignTokensAreRejected() {
        IntrospectionTokenValidator v = validator().build();
        assertThatThrownBy(() -> v.validate("revoked")).hasMessageContaining("not active");
        assertThatThrownBy(() -> v.validate("expired")).hasMessageContaining("expired");
        assertThatThrownBy(() -> v.validate("other-aud")).hasMessageContaining("audience");
        assertThatThrownBy(() -> v.validate("no-aud")).hasMessageContaining("audience");
        assertThat(validator().requireAudience(false).build().validate("no-aud"))
                .isNotNull();
    }

    @Test
    void requiredScopesAreEnforced() {
        assertThatThrownBy(() -> validator().requiredScopes(Set.of("c")).build().validate("good"))
                .isInstanceOf(InsufficientScopeException.class);
    }

    @Test
    void introspectionEndpointErrorsAreInvalidTokens() {
        IntrospectionTokenValidator v = IntrospectionTokenValidator.builder()
                .endpoint(URI.create(as.url() + "/introspect"))
                .clientCredentials("rs", "wrong")
                .audience(RESOURCE)
                .build();
        assertThatThrownBy(() -> v.validate("good"))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("401");
    }

    /** The Basic header the resource server must send (id and secret URL-encoded first). */
    private static final class TokenEndpointAuth {
        static final String BASIC_RS =
                "Basic " + java.util.Base64.getEncoder().encodeToString("rs:rs+secret".getBytes());
    }
}
