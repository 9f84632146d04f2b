package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.RequestStreamControl;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class CloseStreamTest {
    /** A transport with per-request streams: records which streams a handler asked to close. */
    static final class StreamingTransport implements Transport, RequestStreamControl {
        final Transport delegate;
        final List<RequestId> closed = new CopyOnWriteArrayList<>();

        StreamingTransport(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean closeRequestStream(RequestId requestId) {
            closed.add(requestId);
            return true;
        }

        @Override
        public void start(TransportListener listener) {
            delegate.start(listener);
        }

        @Override
        public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
            return delegate.send(message, context);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    final McpServer server = McpServer.builder()
            .tool(
                    Tool.builder("poll", McpJson.parse("{\"type\":\"object\"}"))
                            .description("closes its stream, then answers")
                            .build(),
                    (req, ctx) -> CallToolResult.text("closed=" + ctx.closeStream()))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void closeStreamAsksATransportWithRequestStreamsToCloseThisRequestsStream() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        StreamingTransport transport = new StreamingTransport(pair.serverSide());
        server.connect(transport);
        McpSession client = McpSession.builder(pair.clientSide()).build().start();
        try {
            client.request(
                            "initialize",
                            McpJson.parse("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                    + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}"))
                    .get(5, TimeUnit.SECONDS);
            JsonNode r = client.request("tools/call", McpJson.parse("{\"name\":\"poll\"}"))
                    .get(5, TimeUnit.SECONDS);
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("closed=true");
            assertThat(transport.closed).containsExactly(RequestId.of(2));
        } finally {
            client.close();
        }
    }

    @Test
    void closeStreamIsFalseOnATransportWithoutStreams() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode r = c.call("tools/call", "{\"name\":\"poll\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("closed=false");
        }
    }
}
