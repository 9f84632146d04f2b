package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.server.McpServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The envelope of each 2026-07-28 request reaches the transport beside the message (SEP-2243 headers). */
class RequestEnvelopeHandOverTest {

    /** Remembers the outbound context of every request, by method. */
    static final class Recording implements Transport {
        final Transport delegate;
        final Map<String, OutboundContext> byMethod = new ConcurrentHashMap<>();

        Recording(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public void start(TransportListener listener) {
            delegate.start(listener);
        }

        @Override
        public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
            if (message instanceof JsonRpcRequest r) {
                byMethod.put(r.method(), context);
            }
            return delegate.send(message, context);
        }

        @Override
        public void setProtocolVersion(ProtocolVersion version) {
            delegate.setProtocolVersion(version);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void aToolsCallCarriesTheAnnotatedArgumentsLearnedFromToolsList() {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        Recording recording = new Recording(pair.clientSide());
        try (McpServer server = McpServer.builder()
                        .tool(
                                Tool.builder(
                                                "where",
                                                McpJson.parse(
                                                        "{\"type\":\"object\",\"properties\":{"
                                                                + "\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"}}}"))
                                        .build(),
                                (req, ctx) -> CallToolResult.text("ok"))
                        .build();
                McpClient client = McpClient.builder()
                        .transport(recording)
                        .requestTimeout(Duration.ofSeconds(5))
                        .build()) {
            server.connect(pair.serverSide());
            client.connect();
            client.listTools();
            client.callTool("where", Map.of("region", "eu"));

            assertThat(recording.byMethod.get("server/discover").envelope().method())
                    .isEqualTo("server/discover");
            MessageEnvelope call = recording.byMethod.get("tools/call").envelope();
            assertThat(call.method()).isEqualTo("tools/call");
            assertThat(call.name()).isEqualTo("where");
            assertThat(call.protocolVersion()).isEqualTo("2026-07-28");
            assertThat(call.param("Region")).contains("eu");
        }
    }
}
