package dev.jmcp.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerInterceptor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/** The MDC names the request while its handler runs and is restored afterwards. */
@Timeout(20)
class McpLoggingContextTest {

    @Test
    void theMdcHoldsTheRequestWhileTheHandlerRunsAndIsRestoredAfter() {
        Map<String, String> during = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        ServerInterceptor outer = (call, chain) -> {
            MDC.put("app", "kept");
            try {
                return chain.proceed();
            } finally {
                Map<String, String> now = MDC.getCopyOfContextMap();
                synchronized (after) {
                    after.clear();
                    after.putAll(now == null ? Map.of() : now);
                }
                MDC.clear();
            }
        };
        try (McpServer server = McpServer.builder()
                .name("mdc")
                .version("1")
                .interceptor(outer)
                .interceptor(new McpLoggingContext())
                .tool(
                        Tool.builder("log", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            synchronized (during) {
                                during.putAll(MDC.getCopyOfContextMap());
                            }
                            return CallToolResult.text("ok");
                        })
                .build()) {
            InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
            server.connect(pair.serverSide());
            try (McpClient client = McpClient.builder()
                    .transport(pair.clientSide())
                    .protocolVersion(dev.jmcp.core.ProtocolVersion.V2025_11_25)
                    .build()) {
                client.connect();
                client.callTool("log", Map.of());
            }
        }
        synchronized (during) {
            assertThat(during)
                    .containsEntry("app", "kept")
                    .containsEntry(McpLoggingContext.METHOD, "tools/call")
                    .containsKey(McpLoggingContext.REQUEST_ID)
                    .containsKey(McpLoggingContext.SESSION_ID);
        }
        synchronized (after) {
            assertThat(after).containsOnly(Map.entry("app", "kept"));
        }
    }
}
