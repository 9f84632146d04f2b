package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.TransportListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionInboxTest {

    /** Records messages; keeps the core default for {@code onRequestCancelled}. */
    private static final class Recording implements TransportListener {
        final List<JsonRpcMessage> messages = new ArrayList<>();
        int closes;

        @Override
        public void onMessage(JsonRpcMessage message, InboundContext context) {
            messages.add(message);
        }

        @Override
        public void onInvalidMessage(JsonRpcCodecException error) {}

        @Override
        public void onClose(Throwable cause) {
            closes++;
        }
    }

    @Test
    void withdrawnRequestsReachTheSessionAsCancelledNotificationsBuiltByCore() {
        SessionInbox inbox = new SessionInbox("s1");
        Recording listener = new Recording();
        inbox.start(listener);

        inbox.cancelled(List.of(RequestId.of(5), RequestId.of("a")), "the client closed the response stream");

        assertThat(listener.messages).hasSize(2).allSatisfy(m -> assertThat(((JsonRpcNotification) m).method())
                .isEqualTo("notifications/cancelled"));
        JsonRpcNotification first = (JsonRpcNotification) listener.messages.get(0);
        assertThat(first.params().get("requestId").longValue()).isEqualTo(5);
        assertThat(first.params().get("reason").asString()).isEqualTo("the client closed the response stream");
        assertThat(first.params().has("_meta")).isFalse();
        assertThat(((JsonRpcNotification) listener.messages.get(1))
                        .params()
                        .get("requestId")
                        .asString())
                .isEqualTo("a");
    }

    @Test
    void closeRunsTheHookThenTellsTheListenerOnce() {
        SessionInbox inbox = new SessionInbox("s1");
        Recording listener = new Recording();
        List<String> order = new ArrayList<>();
        inbox.start(listener);
        inbox.onClosed(() -> order.add("hook:" + listener.closes));

        inbox.closed();
        inbox.closed();

        assertThat(order).containsExactly("hook:0");
        assertThat(listener.closes).isEqualTo(1);
    }
}
