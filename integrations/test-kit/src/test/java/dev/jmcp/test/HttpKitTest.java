package dev.jmcp.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A built {@code McpServer} on loopback HTTP, a handshake-era client injected, the endpoint URI available. */
@McpTest(transport = McpTestTransport.HTTP, protocolVersion = "2025-11-25")
@Timeout(15)
class HttpKitTest {

    @McpTestServer
    static McpServer server() {
        return McpServer.builder()
                .name("echo-server")
                .version("1")
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) ->
                                CallToolResult.text(request.arguments().toString()))
                .build();
    }

    @Test
    void theClientTalksStreamableHttpOnLoopbackInThePinnedEra(McpClient client, URI endpoint) {
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
        assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
        assertThat(client.server().serverInfo().name()).isEqualTo("echo-server");
        assertThat(client.callTool("echo", Map.of("x", 1)).content().toString()).contains("{\"x\":1}");
    }
}
