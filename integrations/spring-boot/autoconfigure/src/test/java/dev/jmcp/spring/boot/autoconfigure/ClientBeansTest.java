package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.server.McpTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Named connections become lazy {@link McpClient} beans: one over HTTP to the application's own MCP endpoint
 * (Tomcat on a random port on 127.0.0.1), one over stdio to a Boot application subprocess; both are connected only
 * when first asked for and closed with the context.
 */
@Timeout(45)
class ClientBeansTest {

    /** The application's own tools. */
    public static class Tools {
        @McpTool
        public String shout(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Tools.class)
    static class App {
        final List<String> customized = new ArrayList<>();

        @Bean
        McpClientCustomizer recordingCustomizer() {
            return (name, builder) -> customized.add(name);
        }
    }

    @Test
    void connectionsBecomeClientBeansConnectedOnFirstUseAndClosedWithTheContext() {
        List<String> stdio = StdioBootServerTest.command();
        List<String> properties = new ArrayList<>(List.of(
                "server.address=127.0.0.1",
                "server.port=0",
                "jmcp.client.connections.self.url=http://127.0.0.1:${local.server.port}/mcp",
                "jmcp.client.connections.self.headers.X-Trace=on",
                "jmcp.client.connections.self.protocol-version=2025-11-25",
                "jmcp.client.connections.local.request-timeout=30s"));
        for (int i = 0; i < stdio.size(); i++) {
            properties.add("jmcp.client.connections.local.command[" + i + "]=" + stdio.get(i));
        }
        McpClient self;
        McpClient local;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .properties(properties.toArray(String[]::new))
                .run()) {
            McpClients clients = context.getBean(McpClients.class);
            assertThat(clients.names()).containsExactlyInAnyOrder("self", "local");
            assertThat(clients.isStarted("self")).isFalse();
            assertThat(clients.isStarted("local")).isFalse();

            self = clients.get("self");
            assertThat(self.isConnected()).isTrue();
            assertThat(self.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
            assertThat(text(self.callTool("shout", Map.of("text", "hi")))).isEqualTo("HI");
            assertThat(context.getBean("self", McpClient.class)).isSameAs(self);
            assertThat(clients.isStarted("local")).isFalse();

            local = context.getBean("local", McpClient.class);
            assertThat(text(local.callTool("greet", Map.of("name", "Bob")))).startsWith("hello Bob from pid ");
            assertThat(context.getBean(App.class).customized).containsExactly("self", "local");
        }
        assertThat(self.isConnected()).isFalse();
        assertThat(local.isConnected()).isFalse();
    }

    @Test
    void aConnectionWithNeitherUrlNorCommandFailsTheStartNamingIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class))
                .withPropertyValues("jmcp.client.connections.broken.headers.A=b")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasMessageContaining("'broken'")
                            .hasMessageContaining("url");
                });
    }

    @Test
    void anUnknownConnectionNameIsRefused() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class))
                .withPropertyValues("jmcp.client.connections.one.url=http://127.0.0.1:1/mcp")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThatThrownBy(() -> context.getBean(McpClients.class).get("two"))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("[one]");
                    assertThat(context.getBean(McpClients.class).isStarted("one"))
                            .isFalse();
                });
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}
