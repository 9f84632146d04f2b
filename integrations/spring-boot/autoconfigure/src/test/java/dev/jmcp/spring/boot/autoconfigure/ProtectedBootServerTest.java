package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.server.McpTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * {@code jmcp.server.authorization.*} in a real Boot application: requests without a bearer token get 401 with
 * the resource-metadata challenge, and the protected resource metadata is served at its well-known path.
 */
@Timeout(30)
@SpringBootTest(
        classes = ProtectedBootServerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "jmcp.server.authorization.resource=https://mcp.example.com/mcp",
            "jmcp.server.authorization.issuer=https://auth.example.com",
            "jmcp.server.authorization.jwks-uri=https://auth.example.com/jwks",
            "jmcp.server.authorization.required-scopes=mcp:tools",
            "jmcp.server.authorization.scopes-supported=mcp:tools"
        })
class ProtectedBootServerTest {

    /** The handlers. */
    public static class Tools {
        @McpTool
        public String secret() {
            return "42";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Tools.class)
    static class App {}

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestWithoutATokenIsChallengedWithTheResourceMetadata() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                        challenge)
                .contains("Bearer")
                .contains("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\""));
    }

    @Test
    void theProtectedResourceMetadataIsServedAtItsWellKnownPath() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = McpJson.parse(response.body());
        assertThat(metadata.get("resource").asString()).isEqualTo("https://mcp.example.com/mcp");
        assertThat(metadata.get("authorization_servers").get(0).asString()).isEqualTo("https://auth.example.com");
        assertThat(metadata.get("scopes_supported").get(0).asString()).isEqualTo("mcp:tools");
    }

    @Test
    void contradictorySettingsFailTheStartNamingTheProperties() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class))
                .withPropertyValues(
                        "jmcp.server.authorization.resource=https://mcp.example.com/mcp",
                        "jmcp.server.authorization.issuer=https://auth.example.com",
                        "jmcp.server.authorization.jwks-uri=https://auth.example.com/jwks",
                        "jmcp.server.authorization.introspection-uri=https://auth.example.com/introspect")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("jmcp.server.authorization.jwks-uri")
                            .hasMessageContaining("jmcp.server.authorization.introspection-uri");
                });
    }
}
