package dev.jmcp.transport.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.HeaderValues;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.client.RecordingServer.Recorded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.ObjectNode;

/** The transport writes exactly the headers its {@link MessageEnvelope} carries and never reads the body. */
@Timeout(30)
class EnvelopeHeadersTest {
    private static final String V2026 = "2026-07-28";

    private final RecordingServer server = new RecordingServer();
    private final BlockingQueue<JsonRpcMessage> inbound = new LinkedBlockingQueue<>();
    private final StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.uri())
            .legacyFallback(false)
            .openGetStream(false)
            .build();

    EnvelopeHeadersTest() throws IOException {
        transport.start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {
                inbound.add(message);
            }

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onRequestAborted(RequestId id, McpTransportException cause) {
                inbound.add(new JsonRpcNotification("aborted", McpJson.object().put("id", id.toString())));
            }

            @Override
            public void onClose(Throwable cause) {}
        });
    }

    @AfterEach
    void close() {
        transport.close();
        server.close();
    }

    private static JsonRpcRequest toolsCall(long id, ObjectNode arguments) {
        ObjectNode params = McpJson.object().put("name", "where");
        params.set("arguments", arguments);
        params.putObject("_meta").put("io.modelcontextprotocol/protocolVersion", V2026);
        return new JsonRpcRequest(RequestId.of(id), "tools/call", params);
    }

    @Test
    void everyEnvelopeFieldBecomesItsHeaderAndNothingElseIsMirrored() throws Exception {
        MessageEnvelope envelope = new MessageEnvelope(
                "tools/call",
                HeaderValues.encode("Zürich tool"),
                V2026,
                Map.of("Region", HeaderValues.encode(" eu "), "N", "7"));
        transport
                .send(toolsCall(1, McpJson.object().put("region", "ignored")), OutboundContext.request(null, envelope))
                .get(10, TimeUnit.SECONDS);

        Recorded post = server.requests.poll(10, TimeUnit.SECONDS);
        assertThat(post.mcpHeaders())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "mcp-method", "tools/call",
                        "mcp-name", "=?base64?WsO8cmljaCB0b29s?=",
                        "mcp-protocol-version", V2026,
                        "mcp-param-region", "=?base64?IGV1IA==?=",
                        "mcp-param-n", "7"));
        assertThat(inbound.poll(10, TimeUnit.SECONDS)).isInstanceOf(JsonRpcResponse.class);
    }

    @Test
    void aBodyThatCarriesProtocolFieldsGetsNoMirroredHeadersWithoutAnEnvelope() throws Exception {
        transport
                .send(toolsCall(2, McpJson.object().put("region", "eu")), OutboundContext.NONE)
                .get(10, TimeUnit.SECONDS);

        Recorded post = server.requests.poll(10, TimeUnit.SECONDS);
        assertThat(post.body()).contains("\"tools/call\"", V2026);
        assertThat(post.mcpHeaders()).isEmpty();
    }

    @Test
    void anEnvelopeVersionReplacesTheNegotiatedOneAndDropsTheSession() throws Exception {
        server.respondWith((r, exchange) -> RecordingServer.json(
                exchange,
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":" + RecordingServer.idOf(r.body()) + ",\"result\":{}}",
                Map.of("Mcp-Session-Id", "s-1")));
        transport.setProtocolVersion(ProtocolVersion.V2025_11_25);
        // the session id comes from any accepted response that carries one; no method name is needed
        transport
                .send(new JsonRpcRequest(RequestId.of(1), "anything", null), OutboundContext.NONE)
                .get(10, TimeUnit.SECONDS);
        assertThat(transport.sessionId()).isEqualTo("s-1");
        transport
                .send(new JsonRpcRequest(RequestId.of(2), "next", null), OutboundContext.NONE)
                .get(10, TimeUnit.SECONDS);
        transport
                .send(
                        new JsonRpcRequest(RequestId.of(3), "ping", null),
                        OutboundContext.request(null, new MessageEnvelope("ping", null, V2026, Map.of())))
                .get(10, TimeUnit.SECONDS);

        server.requests.poll(10, TimeUnit.SECONDS);
        assertThat(server.requests.poll(10, TimeUnit.SECONDS).mcpHeaders())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("mcp-session-id", "s-1", "mcp-protocol-version", "2025-11-25"));
        assertThat(server.requests.poll(10, TimeUnit.SECONDS).mcpHeaders())
                .containsExactlyInAnyOrderEntriesOf(Map.of("mcp-method", "ping", "mcp-protocol-version", V2026));
    }

    @Test
    void aNotificationRelatedToAnInFlight2026RequestClosesItsStreamInsteadOfBeingSent() throws Exception {
        CountDownLatch streamClosed = new CountDownLatch(1);
        server.respondWith((r, exchange) -> {
            if (r.body().contains("\"slow\"")) {
                holdStreamOpen(exchange, streamClosed);
            } else {
                RecordingServer.echoResult(r, exchange);
            }
        });
        MessageEnvelope slow = new MessageEnvelope("slow", null, V2026, Map.of());
        transport
                .send(new JsonRpcRequest(RequestId.of(7), "slow", null), OutboundContext.request(null, slow))
                .get(10, TimeUnit.SECONDS);
        assertThat(server.requests.poll(10, TimeUnit.SECONDS).body()).contains("\"slow\"");

        ObjectNode cancel = McpJson.object().put("requestId", 7);
        transport
                .send(
                        new JsonRpcNotification("notifications/cancelled", cancel),
                        OutboundContext.cancelling(RequestId.of(7)))
                .get(10, TimeUnit.SECONDS);
        assertThat(streamClosed.await(10, TimeUnit.SECONDS)).isTrue();

        // a probe sent after the cancellation is the next thing the server sees: the cancellation was not POSTed
        transport
                .send(new JsonRpcRequest(RequestId.of(8), "probe", null), OutboundContext.NONE)
                .get(10, TimeUnit.SECONDS);
        assertThat(server.requests.poll(10, TimeUnit.SECONDS).body()).contains("\"probe\"");
        assertThat(inbound.poll(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(
                        JsonRpcResponse.class, r -> assertThat(r.id()).isEqualTo(RequestId.of(8)));
    }

    @Test
    void aRelatedNotificationOutsideThe2026EraIsSentAsAMessage() throws Exception {
        ObjectNode progress = McpJson.object().put("progressToken", 1).put("progress", 1);
        transport
                .send(
                        new JsonRpcNotification("notifications/progress", progress),
                        OutboundContext.relatedTo(RequestId.of(1)))
                .get(10, TimeUnit.SECONDS);
        assertThat(server.requests.poll(10, TimeUnit.SECONDS).body()).contains("notifications/progress");
    }

    /** Answers with an SSE stream that stays open, writing comments until the client closes it. */
    private static void holdStreamOpen(HttpExchange exchange, CountDownLatch closed) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (int i = 0; i < 1000; i++) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
        } catch (IOException e) {
            closed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }
}
