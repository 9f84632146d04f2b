package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.ServerDescription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.Progress;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real McpServer behind the servlet and the real McpClient on the client transport, both eras. */
@Timeout(30)
class RealServerAndClientOverHttpTest {

    private static McpServer server() {
        return McpServer.builder()
                .name("real-http")
                .version("1")
                .tool(
                        Tool.builder(
                                        "add",
                                        McpJson.parse(
                                                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},"
                                                        + "\"b\":{\"type\":\"number\"}},\"required\":[\"a\",\"b\"]}"))
                                .description("adds")
                                .build(),
                        (request, ctx) -> {
                            ctx.progress(Progress.of(50).total(100).message("half"));
                            double sum = request.arguments().get("a").doubleValue()
                                    + request.arguments().get("b").doubleValue();
                            return CallToolResult.text(String.valueOf((long) sum));
                        })
                .build();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void handshakeEraClientCallsAToolOverHttp() {
        try (McpServer server = server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .protocolVersion(ProtocolVersion.V2025_11_25)
                        .requestTimeout(Duration.ofSeconds(10))
                        .build()) {
            ServerDescription d = client.connect();
            assertThat(d.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
            assertThat(http.servlet().sessionCount()).isEqualTo(1);
            assertThat(text(client.callTool("add", Map.of("a", 5, "b", 3)))).isEqualTo("8");
        }
    }

    @Test
    void defaultClientDiscoversTheStatelessEraOverHttp() {
        try (McpServer server = server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .requestTimeout(Duration.ofSeconds(10))
                        .build()) {
            ServerDescription d = client.connect();
            assertThat(d.protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
            assertThat(text(client.callTool("add", Map.of("a", 2, "b", 2)))).isEqualTo("4");
            assertThat(http.servlet().sessionCount()).isZero();
        }
    }
}
