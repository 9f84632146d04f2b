package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The actuator health indicators in a real Boot application on Tomcat: the server's sessions against its limit,
 * and each client connection not started, connected or disconnected (checking never connects it).
 */
@Timeout(30)
class HealthIndicatorsTest {

    /** The handlers. */
    public static class Tools {
        @McpTool
        public String ping() {
            return "pong";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Tools.class)
    static class App {}

    @Test
    void serverSessionsAgainstTheLimitAndClientConnectionStates() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .properties(
                        "server.address=127.0.0.1",
                        "server.port=0",
                        "jmcp.server.limits.max-sessions=1",
                        "jmcp.client.connections.self.url=http://127.0.0.1:${local.server.port}/mcp",
                        "jmcp.client.connections.self.protocol-version=2025-11-25")
                .run()) {
            HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
            HealthIndicator server = (HealthIndicator) registry.getContributor("mcpServer");
            HealthIndicator clients = (HealthIndicator) registry.getContributor("mcpClients");

            Health idle = server.health();
            assertThat(idle.getStatus()).isEqualTo(Status.UP);
            assertThat(idle.getDetails())
                    .containsEntry("transport", "servlet")
                    .containsEntry("path", "/mcp")
                    .containsEntry("httpSessions", 0)
                    .containsEntry("maxSessions", 1);
            assertThat(clients.health().getDetails()).containsEntry("self", "not started");
            assertThat(context.getBean(McpClients.class).isStarted("self")).isFalse();

            McpClient self = context.getBean(McpClients.class).get("self");
            assertThat(clients.health().getStatus()).isEqualTo(Status.UP);
            assertThat(clients.health().getDetails()).containsEntry("self", "connected");
            Health full = server.health();
            assertThat(full.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(full.getDetails()).containsEntry("httpSessions", 1).containsEntry("sessions", 1);

            self.close();
            assertThat(clients.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(clients.health().getDetails()).containsEntry("self", "disconnected");
        }
    }

    @Test
    void theIndicatorsCanBeTurnedOff() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .properties("spring.main.web-application-type=none", "management.health.mcp.enabled=false")
                .run()) {
            HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
            assertThat(registry.getContributor("mcpServer")).isNull();
            assertThat(context.getBeansOfType(McpServerHealthIndicator.class)).isEmpty();
        }
    }
}
