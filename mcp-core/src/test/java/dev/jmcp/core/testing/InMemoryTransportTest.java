package dev.jmcp.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {

    @Test
    void framesSentBeforeThePeerClosesArriveBeforeTheClose() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        pair.serverSide().start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {
                events.add(((JsonRpcNotification) message).method());
            }

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {
                events.add("closed");
                closed.countDown();
            }
        });
        pair.clientSide().start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {}

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {}
        });
        for (int i = 0; i < 100; i++) {
            pair.clientSide().send(new JsonRpcNotification("n" + i, null));
        }
        pair.clientSide().close();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).hasSize(101).endsWith("n99", "closed");
        assertThat(pair.serverSide().isClosed()).isTrue();
        assertThat(pair.clientSide().send(new JsonRpcNotification("late", null)))
                .isCompletedExceptionally();
    }
}
