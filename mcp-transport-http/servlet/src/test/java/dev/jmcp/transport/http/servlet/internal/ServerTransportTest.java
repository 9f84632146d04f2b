package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link ServerTransport}'s side of closing (issue #14, L1 and L2), without a container. */
class ServerTransportTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final StreamSettings settings =
            StreamSettings.of(JsonRpcCodec.defaults(), store, 100, 1 << 20, 16, StreamLimits.DEFAULTS);
    private final List<JsonRpcMessage> delivered = new CopyOnWriteArrayList<>();

    private ServerTransport started() {
        ServerTransport t = ServerTransport.forSession("s1", settings, null);
        t.start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {
                delivered.add(message);
            }

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {}
        });
        return t;
    }

    private static JsonRpcRequest request(long id) {
        return new JsonRpcRequest(RequestId.of(id), "tools/call", McpJson.object());
    }

    @Test
    void postReachingAClosedTransportIsAnsweredWith404AtOnceAndNotDelivered() throws Exception {
        ServerTransport t = started();
        t.close();
        FakeExchange exchange = new FakeExchange();
        AsyncWriter writer = AsyncWriter.start(exchange.request, exchange.response, settings.writeBudget());
        t.acceptPost(List.of(request(1)), InboundContext.EMPTY, writer, new StreamMode(true, false));
        assertThat(exchange.status).isEqualTo(404);
        assertThat(exchange.completed).isTrue();
        assertThat(McpJson.parse(exchange.text()).path("error").path("code").intValue())
                .isEqualTo(-32001);
        assertThat(delivered).isEmpty();
    }

    @Test
    void postWaitingForItsAnswerWhenTheTransportClosesIsAnsweredWith404() throws Exception {
        ServerTransport t = started();
        FakeExchange exchange = new FakeExchange();
        AsyncWriter writer = AsyncWriter.start(exchange.request, exchange.response, settings.writeBudget());
        t.acceptPost(List.of(request(1)), InboundContext.EMPTY, writer, new StreamMode(true, false));
        t.close();
        assertThat(exchange.status).isEqualTo(404);
        assertThat(exchange.completed).isTrue();
    }

    @Test
    void closeForgetsTheSessionsEventsAndSendsAfterTheCloseStoreNothing() {
        ServerTransport t = started();
        t.send(new JsonRpcNotification("notifications/message", McpJson.object()), OutboundContext.NONE);
        assertThat(store.sessionCount()).isEqualTo(1);
        t.close();
        assertThat(store.sessionCount()).isZero();
        assertThat(t.send(new JsonRpcNotification("notifications/message", McpJson.object()), OutboundContext.NONE))
                .isCompletedExceptionally();
        assertThat(store.sessionCount()).isZero();
        assertThat(store.totalBytes()).isZero();
    }

    @Test
    void writesReleaseTheGlobalBudgetWhenTheyGoOutOrTheConnectionCloses() throws Exception {
        FakeExchange exchange = new FakeExchange();
        AsyncWriter writer = AsyncWriter.start(exchange.request, exchange.response, settings.writeBudget());
        writer.write(new byte[1000]);
        assertThat(settings.writeBudget().queued()).isZero();
        writer.abort();
        assertThat(settings.writeBudget().queued()).isZero();
    }
}
