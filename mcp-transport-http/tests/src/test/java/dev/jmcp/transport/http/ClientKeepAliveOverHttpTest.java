package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's optional keep-alive {@code ping} (handshake era) against the real server over HTTP. */
@Timeout(30)
class ClientKeepAliveOverHttpTest {

    private static McpServer server(ServerInterceptor interceptor, CountDownLatch toolRelease) {
        return McpServer.builder()
                .name("keep-alive-test")
                .version("1")
                .interceptor(interceptor)
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .description("echoes")
                                .build(),
                        (req, ctx) -> CallToolResult.text(req.stringArgument("text")))
                .tool(
                        Tool.builder("wait", McpJson.parse("{\"type\":\"object\"}"))
                                .description("waits for the test")
                                .build(),
                        (req, ctx) -> {
                            toolRelease.await(10, TimeUnit.SECONDS);
                            return CallToolResult.text("done");
                        })
                .build();
    }

    private static McpClient client(McpHttpServer http, Duration keepAlive) {
        return McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .keepAlive(keepAlive)
                .build();
    }

    @Test
    void answeredKeepAlivePingsKeepTheConnectionOpen() {
        AtomicInteger pings = new AtomicInteger();
        ServerInterceptor counting = (call, chain) -> {
            if (call.method().equals("ping")) {
                pings.incrementAndGet();
            }
            return chain.proceed();
        };
        CountDownLatch unused = new CountDownLatch(0);
        // The interval is also the deadline for each answer (KeepAlive: min(interval, request timeout)), and the
        // deadline covers the client's own path too: timer wake-up, hand-off to a worker, socket wake-up. On a loaded
        // 2-core machine (load average 25-33) that path alone took 160-310 ms while the server answered within 1 ms,
        // and a cold JVM's first ping was not even written within 150 ms, with either HTTP engine (2 of 40 runs
        // failed with each at 150 ms). So the deadline here is 1 s: pings of a server that answers must never be
        // "missed" because the test machine is busy. The missed-ping test below stays at 300 ms: there the server
        // never answers, so any deadline is missed.
        try (McpServer server = server(counting, unused);
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = client(http, Duration.ofSeconds(1))) {
            client.connect();
            Poll.until("three keep-alive pings", () -> pings.get() >= 3);
            assertThat(client.isConnected()).isTrue();
            CallToolResult r = client.callTool("echo", Map.of("text", "alive"));
            assertThat(((TextContent) r.content().get(0)).text()).isEqualTo("alive");
        }
    }

    @Test
    void aMissedKeepAlivePingClosesTheConnectionWithAClearError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ServerInterceptor silentPing = (call, chain) -> {
            if (call.method().equals("ping")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return chain.proceed();
        };
        try (McpServer server = server(silentPing, release);
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = client(http, Duration.ofMillis(300))) {
            client.connect();
            CompletableFuture<CallToolResult> pending = client.async().callTool("wait", Map.of());
            assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(McpTransportException.class)
                    .hasMessageContaining("missed a keep-alive ping");
            Poll.until("the client is disconnected", () -> !client.isConnected());
            assertThatThrownBy(() -> client.callTool("echo", Map.of("text", "late")))
                    .isInstanceOf(McpTransportException.class)
                    .hasMessageContaining("missed a keep-alive ping")
                    .hasMessageContaining("call connect()");
            release.countDown(); // let the held handlers end before the server stops
        } finally {
            release.countDown();
        }
    }
}
