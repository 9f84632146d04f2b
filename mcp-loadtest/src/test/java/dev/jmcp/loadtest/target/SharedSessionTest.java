package dev.jmcp.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.loadtest.LoadTest;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code requests_per_session}: several open-model workers share one pooled session, so several requests are in
 * flight on one MCP session at once, measured at a real jmcp server over loopback HTTP.
 */
@Timeout(30)
class SharedSessionTest {
    @Test
    void severalRequestsAreInFlightOnOneSession() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Set<String> sessions = ConcurrentHashMap.newKeySet();
        McpServer server = McpServer.builder()
                .name("hold")
                .version("1")
                .tool(
                        Tool.builder("hold", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (request, ctx) -> {
                            int now = inFlight.incrementAndGet();
                            maxInFlight.accumulateAndGet(now, Math::max);
                            if (ctx.sessionId() != null) {
                                sessions.add(ctx.sessionId());
                            }
                            try {
                                Thread.sleep(300);
                            } finally {
                                inFlight.decrementAndGet();
                            }
                            return CallToolResult.text("held");
                        })
                .build();
        try (server;
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            LoadTestReport r = LoadTest.builder()
                    .target(TargetSpec.http(http.uri().toString()))
                    .openModel(20)
                    .duration(Duration.ofSeconds(2))
                    .workers(8, Duration.ofMillis(100))
                    .sessionPool(1)
                    .requestsPerSession(8)
                    .toolCall("hold", null, 1)
                    .build()
                    .run();
            assertThat(r.generator().sessionsOpened()).isEqualTo(1);
            assertThat(sessions).hasSize(1);
            // one session, 300 ms per call, 20 arrivals/s: about 6 calls in flight on it at once
            assertThat(maxInFlight.get()).isGreaterThan(2);
            assertThat(r.tools().get("hold").successes()).isGreaterThan(10);
        }
    }
}
