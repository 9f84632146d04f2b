package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.server.McpTool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** {@code jmcp.server.stateless} and {@code jmcp.server.path} in a real Boot application: no sessions are kept. */
@Timeout(30)
@SpringBootTest(
        classes = StatelessBootServerTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "jmcp.server.stateless=true", "jmcp.server.path=/api/mcp"})
class StatelessBootServerTest {

    /** The handlers. */
    public static class Counter {
        @McpTool
        public int twice(int n) {
            return 2 * n;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Counter.class)
    static class App {}

    @LocalServerPort
    int port;

    @Autowired
    McpHttpServlet servlet;

    @ParameterizedTest
    @EnumSource(
            value = ProtocolVersion.class,
            names = {"V2025_11_25", "V2026_07_28"})
    void aStatelessEndpointAtACustomPathAnswersWithoutKeepingSessions(ProtocolVersion version) {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(URI.create("http://127.0.0.1:" + port + "/api/mcp"))
                        .build())
                .protocolVersion(version)
                .requestTimeout(Duration.ofSeconds(10))
                .build()) {
            client.connect();
            assertThat(((TextContent) client.callTool("twice", Map.of("n", 21))
                                    .content()
                                    .get(0))
                            .text())
                    .isEqualTo("42");
            assertThat(servlet.sessionCount()).isZero();
        }
    }
}
