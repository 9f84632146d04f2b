package dev.jmcp.spring.boot.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The starter's servlet in Boot's embedded Jetty (the application excludes Tomcat and adds {@code
 * spring-boot-starter-jetty}) on a random port on 127.0.0.1, driven by the jmcp client in both eras: the
 * 2025-11-25 handshake (a session with its GET event stream) and 2026-07-28 (stateless requests).
 */
@Timeout(60)
@SpringBootTest(
        classes = JettyBootServerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.application.name=jetty-weather"})
class JettyBootServerTest {

    /** The handlers. */
    public static class WeatherTools {
        @McpTool(description = "Today's weather")
        public String weather(String city) {
            return "sunny in " + city;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WeatherTools.class)
    static class App {}

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    McpServer server;

    @Test
    void theEmbeddedContainerIsJetty() {
        assertThat(context.getWebServer()).isInstanceOf(JettyWebServer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void theJmcpClientListsAndCallsToolsInBothEras(String revision) {
        ProtocolVersion version = ProtocolVersion.parse(revision).orElseThrow();
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(URI.create("http://127.0.0.1:" + port + "/mcp")))
                .protocolVersion(version)
                .requestTimeout(Duration.ofSeconds(15))
                .build()) {
            client.connect();
            assertThat(client.protocolVersion()).isEqualTo(version);
            assertThat(client.server().serverInfo().name()).isEqualTo("jetty-weather");
            assertThat(client.listAllTools()).extracting(Tool::name).containsExactly("weather");
            CallToolResult result = client.callTool("weather", Map.of("city", "Oslo"));
            assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("sunny in Oslo");
            if (revision.equals("2025-11-25")) {
                assertThat(server.sessions()).hasSize(1); // the handshake made a session on Jetty
            }
        }
    }
}
