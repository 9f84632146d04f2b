package dev.jmcp.transport.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.ServerDescription;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerSession;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A handshake-era session the server no longer knows (HTTP 404 with {@code Mcp-Session-Id}, after a server
 * restart or a session expiry) is recovered by the client: a new {@code initialize}, the GET stream and resource
 * subscriptions re-opened, the request that got the 404 retried, and the reconnect listeners told.
 */
@Timeout(30)
class ClientSessionRecoveryOverHttpTest {
    private static final String URI = "test://watched";

    private static McpServer server(String name) {
        return McpServer.builder()
                .name(name)
                .version("1")
                .tool(
                        Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                                .description("echoes")
                                .build(),
                        (req, ctx) -> CallToolResult.text(req.stringArgument("text")))
                .resource(
                        Resource.builder(URI, "watched").build(),
                        (req, ctx) ->
                                ReadResourceResult.of(List.of(TextResourceContents.of(req.uri(), "text/plain", "v"))))
                .build();
    }

    private static String echo(McpClient client, String text) {
        CallToolResult r = client.callTool("echo", Map.of("text", text));
        return ((TextContent) r.content().get(0)).text();
    }

    @Test
    void aCallAfterAServerRestartStartsANewSessionAndTheSubscriptionStillDelivers() {
        List<ServerDescription> reconnects = new CopyOnWriteArrayList<>();
        List<String> updates = new CopyOnWriteArrayList<>();
        McpServer first = server("first");
        McpHttpServer firstHttp = McpHttpServer.builder(first).port(0).start();
        int port = firstHttp.port();
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(firstHttp.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .onReconnected(reconnects::add)
                .onResourceUpdated(u -> updates.add(u.uri()))
                .build()) {
            client.connect();
            Subscription subscription = client.subscribe(SubscriptionFilter.builder()
                    .resourceSubscriptions(List.of(URI))
                    .build());
            assertThat(echo(client, "before")).isEqualTo("before");
            Poll.until("an update from the first server", () -> {
                first.notifyResourceUpdated(URI);
                return !updates.isEmpty();
            });

            firstHttp.close();
            first.close();
            try (McpServer second = server("second");
                    McpHttpServer secondHttp =
                            McpHttpServer.builder(second).port(port).start()) {
                assertThat(echo(client, "after restart")).isEqualTo("after restart");
                assertThat(reconnects).hasSize(1);
                assertThat(reconnects.get(0).serverInfo().name()).isEqualTo("second");
                assertThat(client.server().serverInfo().name()).isEqualTo("second");
                assertThat(secondHttp.servlet().sessionCount()).isEqualTo(1);

                updates.clear();
                Poll.until("an update from the restarted server, on the re-opened GET stream", () -> {
                    second.notifyResourceUpdated(URI);
                    return !updates.isEmpty();
                });
                assertThat(updates).allMatch(URI::equals);
                assertThat(subscription.isOpen()).isTrue();
                assertThat(echo(client, "again")).isEqualTo("again");
                assertThat(reconnects).hasSize(1);
            }
        } finally {
            firstHttp.close();
            first.close();
        }
    }

    @Test
    void aCallInASessionTheServerEndedStartsANewOneAndIsRetried() {
        List<ServerDescription> reconnects = new CopyOnWriteArrayList<>();
        try (McpServer server = server("expiring");
                McpHttpServer http = McpHttpServer.builder(server).port(0).start();
                McpClient client = McpClient.builder()
                        .transport(StreamableHttpClientTransport.create(http.uri()))
                        .protocolVersion(ProtocolVersion.V2025_11_25)
                        .requestTimeout(Duration.ofSeconds(10))
                        .onReconnected(reconnects::add)
                        .build()) {
            client.connect();
            assertThat(echo(client, "first")).isEqualTo("first");
            server.sessions().forEach(ServerSession::close); // as an idle expiry does: the server forgets it
            Poll.until("the servlet forgot the session", () -> http.servlet().sessionCount() == 0);
            assertThat(echo(client, "after expiry")).isEqualTo("after expiry");
            assertThat(reconnects).hasSize(1);
            assertThat(http.servlet().sessionCount()).isEqualTo(1);
            assertThat(echo(client, "again")).isEqualTo("again");
            assertThat(reconnects).hasSize(1);
        }
    }

    @Test
    void aSessionForgottenAgainAtOnceFailsTheCallAfterOneRecovery() throws Exception {
        AtomicInteger initializes = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        HttpServer forgetful = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        forgetful.createContext("/mcp", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                JsonNode message =
                        McpJson.parse(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
                String method = message.path("method").asString("");
                if (!message.has("id")) {
                    exchange.sendResponseHeaders(202, -1);
                    return;
                }
                String body;
                int status;
                if (method.equals("initialize")) {
                    exchange.getResponseHeaders().set("Mcp-Session-Id", "s" + initializes.incrementAndGet());
                    status = 200;
                    body = "{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"forgetful\","
                            + "\"version\":\"1\"}}}";
                } else {
                    calls.incrementAndGet();
                    status = 404; // forgets every session at once
                    body = "{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id")
                            + ",\"error\":{\"code\":-32001,\"message\":\"Session not found\"}}";
                }
                byte[] bytes = body.getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        forgetful.start();
        java.net.URI uri =
                java.net.URI.create("http://127.0.0.1:" + forgetful.getAddress().getPort() + "/mcp");
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(uri)
                        .openGetStream(false)
                        .build())
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .build()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("echo", Map.of("text", "x")))
                    .isInstanceOf(McpTransportException.class)
                    .hasMessageContaining("404");
            assertThat(initializes).as("the first session and one recovery").hasValue(2);
            assertThat(calls).as("the call and its one retry").hasValue(2);
        } finally {
            forgetful.stop(0);
        }
    }
}
