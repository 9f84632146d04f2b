package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.server.McpTool;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The MCP server metrics in a real Boot application with the actuator: requests over HTTP in both eras appear as
 * {@code mcp.server.operation.duration} in the actuator's metrics endpoint, tagged by method, tool and error type;
 * a handshake session closed by its client is timed as {@code mcp.server.session.duration}.
 */
@Timeout(60)
@SpringBootTest(
        classes = McpMetricsTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "management.endpoints.web.exposure.include=health,metrics",
            "jmcp.client.connections.self.url=http://127.0.0.1:${local.server.port}/mcp"
        })
class McpMetricsTest {

    /** The handlers. */
    public static class Tools {
        @McpTool
        public String weather(String city) {
            return "sunny in " + city;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Tools.class)
    static class App {}

    @LocalServerPort
    int port;

    @Autowired
    MetricsEndpoint metrics;

    @Autowired
    MeterRegistry registry;

    @Test
    void requestsOfBothErasAreTimedByMethodToolAndErrorType() {
        for (ProtocolVersion version : List.of(ProtocolVersion.V2025_11_25, ProtocolVersion.V2026_07_28)) {
            try (McpClient client = client(version)) {
                client.callTool("weather", Map.of("city", "Oslo"));
                assertThatThrownBy(() -> client.callTool("no_such_tool", Map.of()));
            }
        }

        MetricsEndpoint.MetricDescriptor calls = metrics.metric(
                "mcp.server.operation.duration",
                List.of("mcp.method.name:tools/call", "gen_ai.tool.name:weather", "error.type:none"));
        assertThat(calls).isNotNull();
        assertThat(count(calls)).isGreaterThanOrEqualTo(2.0); // one per era (+ the client-bean test's, in any order)
        assertThat(calls.getAvailableTags())
                .anySatisfy(tag -> assertThat(tag.getTag()).isEqualTo("mcp.protocol.version"))
                .anySatisfy(tag -> assertThat(tag.getTag()).isEqualTo("network.transport"));
        for (String version : List.of("2025-11-25", "2026-07-28")) {
            assertThat(registry.find("mcp.server.operation.duration")
                            .tags("mcp.method.name", "tools/call", "gen_ai.tool.name", "weather")
                            .tags("mcp.protocol.version", version, "network.transport", "tcp")
                            .timer())
                    .as("tools/call under %s", version)
                    .isNotNull();
        }

        // an unknown tool's name never becomes a tag value (cardinality): it is _OTHER with the JSON-RPC error
        Timer unknown = registry.find("mcp.server.operation.duration")
                .tags("mcp.method.name", "tools/call", "gen_ai.tool.name", "_OTHER")
                .timer();
        assertThat(unknown).isNotNull();
        assertThat(unknown.getId().getTag("error.type")).matches("-\\d+");
        assertThat(registry.find("mcp.server.operation.duration")
                        .tag("gen_ai.tool.name", "no_such_tool")
                        .timers())
                .isEmpty();

        // the handshake-era session was closed by its client, and timed
        Poll.until(
                "the closed session is timed",
                () -> registry.find("mcp.server.session.duration")
                                        .tag("mcp.protocol.version", "2025-11-25")
                                        .timer()
                                != null
                        && registry.find("mcp.server.session.duration").timer().count() >= 1,
                Duration.ofSeconds(10));
    }

    @Test
    void clientBeansTimeTheirRequests(@Autowired McpClients clients) {
        clients.get("self").callTool("weather", Map.of("city", "Rome"));
        Timer timer = registry.find("mcp.client.operation.duration")
                .tags("mcp.method.name", "tools/call", "gen_ai.tool.name", "weather", "error.type", "none")
                .timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag("mcp.protocol.version")).isEqualTo("2026-07-28");
    }

    @Test
    void theMetricsCanBeTurnedOff() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .properties(
                        "spring.main.web-application-type=none",
                        "jmcp.server.metrics.enabled=false",
                        "jmcp.client.metrics.enabled=false")
                .run()) {
            assertThat(context.getBeansOfType(McpServerMetrics.class)).isEmpty();
            assertThat(context.getBeansOfType(McpClientMetrics.class)).isEmpty();
            assertThat(context.getBeansOfType(MeterRegistry.class)).isNotEmpty();
        }
    }

    private McpClient client(ProtocolVersion version) {
        McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(URI.create("http://127.0.0.1:" + port + "/mcp")))
                .protocolVersion(version)
                .requestTimeout(Duration.ofSeconds(15))
                .build();
        client.connect();
        return client;
    }

    private static double count(MetricsEndpoint.MetricDescriptor descriptor) {
        return descriptor.getMeasurements().stream()
                .filter(m -> m.getStatistic().name().equals("COUNT"))
                .mapToDouble(MetricsEndpoint.Sample::getValue)
                .sum();
    }
}
