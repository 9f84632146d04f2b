package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stateless exchange over HTTP is never listed among the server's sessions, neither during nor after it. */
@Timeout(30)
class StatelessExchangeSessionsTest {
    private static final String META_2026 = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final AtomicReference<McpServer> serverRef = new AtomicReference<>();
    private final McpServer server = McpServer.builder()
            .name("sessions")
            .version("1")
            .tool(
                    Tool.builder("count", McpJson.parse("{\"type\":\"object\"}"))
                            .description("how many sessions the server lists while it runs")
                            .build(),
                    (request, ctx) -> CallToolResult.text(
                            String.valueOf(serverRef.get().sessions().size())))
            .build();
    private final List<McpHttpServer> https = new ArrayList<>();

    private URI start(Consumer<dev.jmcp.transport.http.servlet.McpHttpServlet.Builder> config) {
        serverRef.set(server);
        McpHttpServer http =
                McpHttpServer.builder(server).port(0).servlet(config).start();
        https.add(http);
        return http.uri();
    }

    @AfterEach
    void stop() {
        https.forEach(McpHttpServer::close);
        server.close();
    }

    private static String call(String meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"count\","
                + "\"arguments\":{}" + (meta == null ? "" : ",\"_meta\":" + meta) + "}}";
    }

    private static String text(HttpResponse<String> r) {
        return McpJson.parse(r.body())
                .path("result")
                .path("content")
                .path(0)
                .path("text")
                .asString();
    }

    @Test
    void sessionless2026PostIsNotListedAmongTheSessions() throws Exception {
        URI uri = start(s -> {});
        HttpResponse<String> r = post(
                uri,
                call(META_2026),
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "count"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("0");
        assertThat(server.sessions()).isEmpty();
    }

    @Test
    void statelessModePostIsNotListedAmongTheSessions() throws Exception {
        URI uri = start(s -> s.stateless(true));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = post(uri, call(null), Map.of("MCP-Protocol-Version", "2025-06-18"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r)).isEqualTo("0");
            assertThat(server.sessions()).isEmpty();
        }
    }
}
