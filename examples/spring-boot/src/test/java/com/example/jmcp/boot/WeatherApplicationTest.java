package com.example.jmcp.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole application on a random port: the jmcp client in both eras over Streamable HTTP, then the actuator's
 * health (the MCP server's sessions) and metrics (the requests just made) over HTTP.
 */
@Timeout(60)
@SpringBootTest(
        classes = WeatherApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class WeatherApplicationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void theJmcpClientUsesTheToolsResourceAndPrompt(String revision) {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(URI.create("http://127.0.0.1:" + port + "/mcp")))
                .protocolVersion(ProtocolVersion.parse(revision).orElseThrow())
                .requestTimeout(Duration.ofSeconds(15))
                .build()) {
            client.connect();
            assertThat(client.server().serverInfo().name()).isEqualTo("jmcp-boot-weather");
            assertThat(client.listAllTools()).extracting(Tool::name).containsExactlyInAnyOrder("weather", "forecast");
            assertThat(((TextContent) client.callTool("weather", Map.of("city", "Rome"))
                                    .content()
                                    .get(0))
                            .text())
                    .isEqualTo("Today in Rome: sunny, 16.0 °C");
            assertThat(((TextResourceContents) client.readResource("weather://cities")
                                    .contents()
                                    .get(0))
                            .text())
                    .isEqualTo("Lima, Oslo, Rome");
        }
    }

    @Test
    void theActuatorShowsTheServersHealthAndMetrics() throws Exception {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(URI.create("http://127.0.0.1:" + port + "/mcp")))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .build()) {
            client.connect();
            client.callTool("forecast", Map.of("city", "Oslo"));

            JsonNode health = get("/actuator/health/mcpServer");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("details").get("httpSessions").asInt()).isEqualTo(1);

            JsonNode metric = get("/actuator/metrics/mcp.server.operation.duration"
                    + "?tag=mcp.method.name:tools/call&tag=gen_ai.tool.name:forecast");
            assertThat(metric.get("measurements").get(0).get("statistic").asString())
                    .isEqualTo("COUNT");
            assertThat(metric.get("measurements").get(0).get("value").asDouble())
                    .isGreaterThanOrEqualTo(1.0);
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return McpJson.parse(response.body());
    }
}
