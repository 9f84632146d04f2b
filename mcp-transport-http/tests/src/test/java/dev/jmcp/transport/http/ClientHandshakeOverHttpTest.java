package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client's handshake and era discovery against the real server over HTTP: {@code initialize} is never
 * cancelled, a modern error to {@code server/discover} never falls back to {@code initialize}, a handshake-only
 * server is probed once per endpoint, and an unrecognised {@code resultType} fails the call.
 */
@Timeout(30)
class ClientHandshakeOverHttpTest {

    private static McpServer server(ServerInterceptor interceptor) {
        return McpServer.builder()
                .name("handshake-test")
                .version("1")
                .interceptor(interceptor)
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .description("echoes")
                                .build(),
                        (req, ctx) -> CallToolResult.text(req.stringArgument("text")))
                .build();
    }

    /** A server on an endpoint of its own, so what the client remembers per endpoint is this test's alone. */
    private static McpHttpServer http(McpServer server) {
        return McpHttpServer.builder(server)
                .port(0)
                .path("/mcp-" + UUID.randomUUID())
                .start();
    }

    private static void sleepUpTo(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void initializeThatTimesOutIsNotCancelled() {
        CountDownLatch release = new CountDownLatch(1);
        ServerInterceptor slowInitialize = (call, chain) -> {
            if (call.method().equals("initialize")) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return chain.proceed();
        };
        try (McpServer server = server(slowInitialize);
                McpHttpServer http = http(server)) {
            RecordingTransport transport = new RecordingTransport(StreamableHttpClientTransport.create(http.uri()));
            try (McpClient client = McpClient.builder()
                    .transport(transport)
                    .protocolVersion(ProtocolVersion.V2025_11_25)
                    .requestTimeout(Duration.ofMillis(300))
                    .build()) {
                assertThatThrownBy(client::connect).isInstanceOf(McpTimeoutException.class);
                // a cancellation would have been handed to the transport before the timeout failed the connect
                assertThat(transport.sent).containsExactly("initialize");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void initializeIsNotCancelledWhenTheClientClosesDuringConnect() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerInterceptor heldInitialize = (call, chain) -> {
            if (call.method().equals("initialize")) {
                arrived.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return chain.proceed();
        };
        try (McpServer server = server(heldInitialize);
                McpHttpServer http = http(server)) {
            RecordingTransport transport = new RecordingTransport(StreamableHttpClientTransport.create(http.uri()));
            McpClient client = McpClient.builder()
                    .transport(transport)
                    .protocolVersion(ProtocolVersion.V2025_11_25)
                    .build();
            CompletableFuture<?> connect = client.async().connect();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            client.close();
            assertThatThrownBy(() -> connect.get(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(transport.sent).containsExactly("initialize");
            release.countDown();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-32020, -32021, -32022})
    void discoverAnsweredWithAModernErrorFailsTheConnectWithoutFallingBack(int code) {
        AtomicInteger initializes = new AtomicInteger();
        ServerInterceptor modernRefusal = (call, chain) -> {
            if (call.method().equals("initialize")) {
                initializes.incrementAndGet();
            }
            if (call.method().equals("server/discover")) {
                ObjectNode data = McpJson.object();
                data.putArray("supported").add("2099-01-01");
                return ServerOutcome.error(new JsonRpcError(code, "refused for the test", data));
            }
            return chain.proceed();
        };
        try (McpServer server = server(modernRefusal);
                McpHttpServer http = http(server);
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .build()) {
            assertThatThrownBy(client::connect)
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("not falling back to initialize")
                    .hasMessageContaining("refused for the test");
            assertThat(initializes).hasValue(0);
        }
    }

    @Test
    void unsupportedVersionListingOnlyHandshakeRevisionsInitializesWithTheNewestListed() {
        ServerInterceptor listsHandshakeOnly = (call, chain) -> {
            if (call.method().equals("server/discover")) {
                ObjectNode data = McpJson.object();
                data.putArray("supported").add("2024-11-05").add("2025-06-18");
                data.put("requested", "2026-07-28");
                return ServerOutcome.error(new JsonRpcError(-32022, "Unsupported protocol version", data));
            }
            return chain.proceed();
        };
        try (McpServer server = server(listsHandshakeOnly);
                McpHttpServer http = http(server);
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);
            assertThat(text(client.callTool("echo", Map.of("text", "hi")))).isEqualTo("hi");
        }
    }

    @Test
    void aSilentHandshakeOnlyServerIsProbedOncePerEndpoint() {
        AtomicInteger discovers = new AtomicInteger();
        ServerInterceptor silentDiscover = (call, chain) -> {
            if (call.method().equals("server/discover")) {
                discovers.incrementAndGet();
                sleepUpTo(5000); // like a handshake-only server that ignores requests before initialize
                return ServerOutcome.error(JsonRpcError.of(-32601, "Method not found"));
            }
            return chain.proceed();
        };
        try (McpServer server = server(silentDiscover);
                McpHttpServer http = http(server)) {
            for (int connection = 1; connection <= 2; connection++) {
                try (McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .discoveryTimeout(Duration.ofMillis(400))
                        .build()) {
                    assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.LATEST_HANDSHAKE);
                    assertThat(text(client.callTool("echo", Map.of("text", "call " + connection))))
                            .isEqualTo("call " + connection);
                }
            }
            assertThat(discovers).as("the second connection skipped the probe").hasValue(1);
        }
    }

    @Test
    void aHandshakeOnlyServerAnsweringMethodNotFoundFallsBackToInitialize() {
        ServerInterceptor legacy = (call, chain) -> call.method().equals("server/discover")
                ? ServerOutcome.error(JsonRpcError.of(-32601, "Method not found"))
                : chain.proceed();
        try (McpServer server = server(legacy);
                McpHttpServer http = http(server);
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.LATEST_HANDSHAKE);
        }
    }

    @Test
    void anUnrecognisedResultTypeFailsTheCallInsteadOfAnEmptySuccess() {
        ServerInterceptor taskAnswer = (call, chain) -> call.method().equals("tools/call")
                        && "task"
                                .equals(call.params()
                                        .path("arguments")
                                        .path("text")
                                        .asString(""))
                ? ServerOutcome.result(
                        McpJson.parse("{\"resultType\":\"task\",\"task\":{\"taskId\":\"t1\",\"status\":\"working\"}}"))
                : chain.proceed();
        try (McpServer server = server(taskAnswer);
                McpHttpServer http = http(server);
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
            assertThat(text(client.callTool("echo", Map.of("text", "complete"))))
                    .isEqualTo("complete");
            assertThatThrownBy(() -> client.callTool("echo", Map.of("text", "task")))
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("invalid result")
                    .hasMessageContaining("unrecognised resultType \"task\"");
        }
    }

    private static String text(CallToolResult result) {
        return ((TextContent) List.copyOf(result.content()).get(0)).text();
    }
}
