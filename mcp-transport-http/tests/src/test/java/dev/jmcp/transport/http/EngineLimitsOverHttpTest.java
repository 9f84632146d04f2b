package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The engine limits (#14 D3) as an HTTP peer on 127.0.0.1 meets them: the batch cap and the handler bulkhead. */
@Timeout(30)
class EngineLimitsOverHttpTest {
    private static final String META_2026 = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private McpServer server;
    private McpHttpServer http;

    private void start(McpServer.Builder builder) {
        JsonNode schema = McpJson.parse("{\"type\":\"object\"}");
        server = builder.tool(Tool.builder("block", schema).build(), (req, ctx) -> {
                    started.countDown();
                    release.await();
                    return CallToolResult.text("released");
                })
                .tool(Tool.builder("quick", schema).build(), (req, ctx) -> CallToolResult.text("quick"))
                .build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBatchOverTheLimitIsAnsweredHttp400WithInvalidRequest() throws Exception {
        start(McpServer.builder());
        String ping = request(1, "ping", "{}");
        HttpResponse<String> r =
                post(http.uri(), "[" + String.join(",", Collections.nCopies(101, ping)) + "]", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = McpJson.parse(r.body()).get("error");
        assertThat(error.get("code").intValue()).isEqualTo(-32600);
        assertThat(error.get("message").asString()).contains("batch of 101 messages exceeds the limit of 100");
    }

    @Test
    void statelessRequestsShareTheHandlerBulkheadAndOneThatWaitsTooLongIsServerBusy() throws Exception {
        start(McpServer.builder().handlerConcurrency(1, Duration.ofMillis(200)));
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> call(1, "block"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> busy = call(2, "quick");
        JsonNode error = McpJson.parse(busy.body()).get("error");
        assertThat(error.get("code").intValue()).isEqualTo(-32010);
        assertThat(error.get("message").asString()).contains("server busy");

        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).body()).contains("released");
        assertThat(call(3, "quick").body()).contains("quick");
    }

    private HttpResponse<String> call(long id, String tool) {
        try {
            return post(
                    http.uri(),
                    request(
                            id,
                            "tools/call",
                            "{\"name\":\"" + tool + "\",\"arguments\":{},\"_meta\":" + META_2026 + "}"),
                    Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", tool));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
