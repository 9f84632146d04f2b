package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.HttpClientEngine;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #19: a client call over HTTP starts no platform thread, on either engine, whatever the machine size (the
 * JDK client's {@code sendAsync} completed through {@code CompletableFuture}'s default executor: a new thread per
 * call when the common pool has fewer than two threads).
 */
@Timeout(60)
class ClientThreadsPerCallOverHttpTest {
    private static final int CALLS = 100;

    @ParameterizedTest
    @EnumSource(HttpClientEngine.class)
    void aHundredToolCallsStartFewerThanTenPlatformThreads(HttpClientEngine engine) {
        try (McpServer server = McpServer.builder()
                        .name("threads")
                        .version("1")
                        .tool(
                                Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                        .build(),
                                (request, ctx) -> CallToolResult.text("ok"))
                        .build();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.builder(http.uri())
                                .engine(engine)
                                .openGetStream(false)
                                .build())
                        .protocolVersion(ProtocolVersion.V2025_11_25)
                        .requestTimeout(Duration.ofSeconds(10))
                        .build()) {
            client.connect();
            for (int i = 0; i < 10; i++) { // pools and the server warm up
                client.callTool("echo", Map.of());
                client.async().callTool("echo", Map.of()).join();
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long before = threads.getTotalStartedThreadCount();
            for (int i = 0; i < CALLS / 2; i++) {
                assertThat(client.callTool("echo", Map.of()).isError()).isNotEqualTo(Boolean.TRUE);
                assertThat(client.async().callTool("echo", Map.of()).join().isError())
                        .isNotEqualTo(Boolean.TRUE);
            }
            long started = threads.getTotalStartedThreadCount() - before;
            // the JVM counts the server's threads too: Jetty's pool may grow by a few, never by one per call
            assertThat(started)
                    .as("platform threads started during %d calls", CALLS)
                    .isLessThan(10);
        }
    }
}
