package dev.jmcp.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/**
 * {@link McpLoggingContext} over Streamable HTTP on 127.0.0.1: while a handler runs, the MDC names the session by
 * the {@code Mcp-Session-Id} the client holds, the JSON-RPC request id and the method; stateless (2026-07-28)
 * requests name no session; the handler thread's MDC is empty again afterwards.
 */
@Timeout(90)
class LoggingContextOverHttpTest {
    private final LinkedBlockingQueue<Map<String, String>> seen = new LinkedBlockingQueue<>();
    private McpServer server;
    private McpHttpServer http;

    @BeforeEach
    void start() {
        server = McpServer.builder()
                .name("mdc")
                .version("1")
                .interceptor(new McpLoggingContext())
                .tool(
                        Tool.builder("log", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            Map<String, String> mdc = MDC.getCopyOfContextMap();
                            seen.add(mdc == null ? Map.of() : mdc);
                            return CallToolResult.text("ok");
                        })
                .build();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private McpClient client(StreamableHttpClientTransport transport, ProtocolVersion version) {
        return McpClient.builder()
                .transport(transport)
                .protocolVersion(version)
                .requestTimeout(Duration.ofSeconds(30))
                .discoveryTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aHandshakeEraHandlerLogsWithTheSessionTheRequestAndTheMethod() throws Exception {
        StreamableHttpClientTransport transport = StreamableHttpClientTransport.create(http.uri());
        try (McpClient client = client(transport, ProtocolVersion.V2025_11_25)) {
            client.connect();
            client.callTool("log", Map.of());
            Map<String, String> mdc = seen.poll(10, TimeUnit.SECONDS);
            assertThat(mdc).isNotNull();
            assertThat(mdc)
                    .containsEntry(McpLoggingContext.SESSION_ID, transport.sessionId())
                    .containsEntry(McpLoggingContext.METHOD, "tools/call")
                    .hasEntrySatisfying(
                            McpLoggingContext.REQUEST_ID, id -> assertThat(id).matches("\\d+"));
        }
    }

    @Test
    void aStatelessRequestNamesNoSessionAndTheMdcIsClearedAfterEachRequest() throws Exception {
        try (McpClient client = client(StreamableHttpClientTransport.create(http.uri()), ProtocolVersion.V2026_07_28)) {
            client.connect();
            client.callTool("log", Map.of());
            Map<String, String> mdc = seen.poll(10, TimeUnit.SECONDS);
            assertThat(mdc).isNotNull();
            assertThat(mdc)
                    .containsEntry(McpLoggingContext.METHOD, "tools/call")
                    .containsKey(McpLoggingContext.REQUEST_ID);
            assertThat(mdc).doesNotContainKey(McpLoggingContext.SESSION_ID);
            // a second request sees only its own id: nothing leaks from the first on a reused handler thread
            client.callTool("log", Map.of());
            Map<String, String> second = seen.poll(10, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(second.get(McpLoggingContext.REQUEST_ID)).isNotEqualTo(mdc.get(McpLoggingContext.REQUEST_ID));
            assertThat(second).containsOnlyKeys(McpLoggingContext.METHOD, McpLoggingContext.REQUEST_ID);
        }
    }
}
