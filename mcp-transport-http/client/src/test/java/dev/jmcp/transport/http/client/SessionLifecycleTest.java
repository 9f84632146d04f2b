package dev.jmcp.transport.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.client.RecordingServer.Recorded;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session life cycle follows what the server answers, never method names: the session id comes from an
 * accepted response, the standalone stream opens after the first notification of an established session, and only
 * a refused first request falls back to legacy HTTP+SSE.
 */
@Timeout(30)
class SessionLifecycleTest {
    private final RecordingServer server = new RecordingServer();
    private final StreamableHttpClientTransport transport =
            StreamableHttpClientTransport.builder(server.uri()).build();

    SessionLifecycleTest() throws IOException {
        transport.start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {}

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {}
        });
    }

    @AfterEach
    void close() {
        transport.close();
        server.close();
    }

    private void send(JsonRpcMessage m) throws Exception {
        transport.send(m, OutboundContext.NONE).get(10, TimeUnit.SECONDS);
    }

    private static JsonRpcRequest request(long id, String method) {
        return new JsonRpcRequest(RequestId.of(id), method, McpJson.object());
    }

    @Test
    void theFirstNotificationOfAnEstablishedSessionOpensTheStandaloneStream() throws Exception {
        server.respondWith((r, exchange) -> {
            if ("GET".equals(r.method())) {
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
            } else if (RecordingServer.idOf(r.body()) != null) {
                RecordingServer.json(
                        exchange,
                        200,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + RecordingServer.idOf(r.body()) + ",\"result\":{}}",
                        Map.of("Mcp-Session-Id", "s-1"));
            } else {
                RecordingServer.echoResult(r, exchange);
            }
        });
        send(request(1, "hello"));
        send(new JsonRpcNotification("notifications/whatever", null));

        assertThat(server.requests.poll(10, TimeUnit.SECONDS).method()).isEqualTo("POST");
        assertThat(server.requests.poll(10, TimeUnit.SECONDS).method()).isEqualTo("POST");
        Recorded get = server.requests.poll(10, TimeUnit.SECONDS);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.headers()).containsEntry("mcp-session-id", "s-1").containsEntry("accept", "text/event-stream");
    }

    @Test
    void aRefusedFirstRequestFallsBackToLegacySse() {
        server.respondWith((r, exchange) -> {
            exchange.sendResponseHeaders("GET".equals(r.method()) ? 404 : 405, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> send(request(1, "hello"))).isInstanceOf(ExecutionException.class);
        assertThat(server.requests).extracting(Recorded::method).containsExactly("POST", "GET");
    }

    @Test
    void aRefusalAfterAnAcceptedRequestIsAnErrorNotAFallback() throws Exception {
        server.respondWith((r, exchange) -> {
            if (r.body().contains("\"refused\"")) {
                RecordingServer.json(exchange, 400, "not JSON-RPC", Map.of());
            } else {
                RecordingServer.echoResult(r, exchange);
            }
        });
        send(request(1, "hello"));
        assertThatThrownBy(() -> send(request(2, "refused")))
                .hasCauseInstanceOf(McpHttpException.class)
                .cause()
                .satisfies(e -> assertThat(((McpHttpException) e).statusCode()).isEqualTo(400));
        send(request(3, "probe"));

        assertThat(server.requests)
                .extracting(r -> r.method() + " " + RecordingServer.idOf(r.body()))
                .containsExactly("POST 1", "POST 2", "POST 3");
    }
}
