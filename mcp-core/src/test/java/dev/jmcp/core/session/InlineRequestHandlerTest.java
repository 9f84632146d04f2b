package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * An {@link InlineRequestHandler} answers the requests it accepts on the thread that delivered them (no hand-off to
 * the handler executor), and hands the others over as any handler; the default {@code ping} is one.
 */
@Timeout(30)
class InlineRequestHandlerTest {
    private static final InboundContext CONTEXT = InboundContext.of(TransportMetadata.of("test"));

    /** Answers "where": the name of the thread that handled the request; inline only for params {"inline":true}. */
    private static final InlineRequestHandler WHERE = new InlineRequestHandler() {
        @Override
        public JsonNode handle(InboundRequest request) {
            return McpJson.mapper()
                    .createObjectNode()
                    .put("thread", Thread.currentThread().getName());
        }

        @Override
        public boolean inline(InboundRequest request) {
            return request.params() != null && request.params().path("inline").asBoolean(false);
        }
    };

    @Test
    void anAcceptedRequestIsAnsweredOnTheDeliveringThreadBeforeDeliveryReturns() throws Exception {
        RecordingTransport t = new RecordingTransport();
        try (McpSession s =
                McpSession.builder(t).requestHandler("where", WHERE).build().start()) {
            t.listener.onMessage(
                    new JsonRpcRequest(RequestId.of(1), "where", McpJson.parse("{\"inline\":true}")), CONTEXT);
            Sent answer = t.sent.poll(); // already sent: no waiting
            assertThat(answer).isNotNull();
            assertThat(answer.thread).isEqualTo(Thread.currentThread().getName());
            assertThat(((JsonRpcResponse) answer.message).result().get("thread").asString())
                    .isEqualTo(Thread.currentThread().getName());
            assertThat(s.inFlightRequests()).isZero();
        }
    }

    @Test
    void aRequestItDeclinesGoesToTheHandlerExecutor() throws Exception {
        RecordingTransport t = new RecordingTransport();
        try (McpSession s = McpSession.builder(t)
                .requestHandler("where", WHERE)
                .handlerExecutor(r -> new Thread(r, "handler-thread").start())
                .build()
                .start()) {
            t.listener.onMessage(new JsonRpcRequest(RequestId.of(2), "where", McpJson.parse("{}")), CONTEXT);
            Sent answer = t.sent.poll(10, TimeUnit.SECONDS);
            assertThat(((JsonRpcResponse) answer.message).result().get("thread").asString())
                    .isEqualTo("handler-thread");
        }
    }

    @Test
    void theDefaultPingIsAnsweredOnTheDeliveringThread() throws Exception {
        RecordingTransport t = new RecordingTransport();
        try (McpSession s = McpSession.builder(t)
                .handlerExecutor(r -> {
                    throw new AssertionError("ping must not be handed off");
                })
                .build()
                .start()) {
            t.listener.onMessage(new JsonRpcRequest(RequestId.of(3), "ping", null), CONTEXT);
            Sent answer = t.sent.poll();
            assertThat(answer).isNotNull();
            assertThat(answer.thread).isEqualTo(Thread.currentThread().getName());
            assertThat(((JsonRpcResponse) answer.message).result().isEmpty()).isTrue();
        }
    }

    private record Sent(JsonRpcMessage message, String thread) {}

    private static final class RecordingTransport implements Transport {
        final LinkedBlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
        volatile TransportListener listener;

        @Override
        public void start(TransportListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
            sent.add(new Sent(message, Thread.currentThread().getName()));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
