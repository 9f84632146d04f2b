package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A stateless exchange holds its stream while the POST is delivered (issue #19): an answer given during the
 * delivery is taken for a plain write on the request thread; anything else waits, in order, for the writer.
 */
class StatelessExchangeHoldTest {
    private static final StreamMode JSON_2026 = new StreamMode(true, true);
    private final StreamSettings settings = StreamSettings.of(
                    JsonRpcCodec.defaults(), null, 100, 1 << 20, 16, StreamLimits.DEFAULTS)
            .withoutStore();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger hooks = new AtomicInteger();

    /** An exchange whose listener runs {@code onRequest} with the exchange and each delivered request. */
    private StatelessExchange exchange(BiConsumer<StatelessExchange, JsonRpcRequest> onRequest) {
        StatelessExchange e = new StatelessExchange(settings, StreamJournal.storeless(settings));
        e.onClosed(hooks::incrementAndGet);
        e.start(new TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, InboundContext context) {
                if (message instanceof JsonRpcRequest r) {
                    onRequest.accept(e, r);
                }
            }

            @Override
            public void onInvalidMessage(JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {
                closes.incrementAndGet();
            }
        });
        return e;
    }

    private final AtomicInteger starts = new AtomicInteger();

    /** Starts {@code http}'s writer, counting the starts. */
    private StatelessExchange.WriterStart writer(FakeExchange http) {
        return () -> {
            starts.incrementAndGet();
            return AsyncWriter.start(http.request, http.response, settings.writeBudget());
        };
    }

    private static JsonRpcRequest request(long id) {
        return new JsonRpcRequest(RequestId.of(id), "tools/call", McpJson.object());
    }

    private static JsonRpcResponse answer(JsonRpcRequest r) {
        return new JsonRpcResponse(r.id(), McpJson.parse("{\"ok\":true}"));
    }

    private static JsonRpcNotification progress() {
        return new JsonRpcNotification("notifications/progress", McpJson.parse("{\"progressToken\":1,\"progress\":1}"));
    }

    @Test
    void anAnswerGivenDuringTheDeliveryIsTakenForAPlainWriteAndClosesTheExchange() {
        StatelessExchange e = exchange((x, r) -> x.send(answer(r), OutboundContext.NONE));
        FakeExchange http = new FakeExchange();
        e.accept(List.of(request(1)), InboundContext.EMPTY, JSON_2026, writer(http));
        StatelessExchange.InlineAnswer inline = e.delivered();
        assertThat(inline).isNotNull();
        assertThat(inline.status()).isEqualTo(200);
        assertThat(McpJson.parse(new String(inline.body()))
                        .get("result")
                        .get("ok")
                        .booleanValue())
                .isTrue();
        assertThat(e.isClosed()).isTrue();
        assertThat(closes.get()).isEqualTo(1);
        assertThat(hooks.get()).isEqualTo(1);
        assertThat(http.completed).as("no writer was started").isFalse();
        assertThat(starts.get()).isZero();
    }

    @Test
    void anInlineMethodNotFoundOfA2026RequestKeepsItsHttpStatus() {
        StatelessExchange e = exchange((x, r) -> x.send(
                new JsonRpcErrorResponse(r.id(), JsonRpcError.of(ErrorCodes.METHOD_NOT_FOUND, "no")),
                OutboundContext.NONE));
        e.accept(List.of(request(2)), InboundContext.EMPTY, JSON_2026, writer(new FakeExchange()));
        assertThat(e.delivered().status()).isEqualTo(404);
    }

    @Test
    void aNotificationBeforeTheAnswerMakesTheAnswerAnSseStreamInOrder() throws Exception {
        StatelessExchange e = exchange((x, r) -> {
            x.send(progress(), OutboundContext.relatedTo(r.id()));
            x.send(answer(r), OutboundContext.NONE);
        });
        FakeExchange http = new FakeExchange();
        e.accept(List.of(request(3)), InboundContext.EMPTY, JSON_2026, writer(http));
        assertThat(e.delivered()).isNull();
        assertThat(http.contentType).startsWith("text/event-stream");
        String sse = http.text();
        assertThat(sse.indexOf("notifications/progress")).isPositive();
        assertThat(sse.indexOf("\"ok\":true")).isGreaterThan(sse.indexOf("notifications/progress"));
        assertThat(http.completed).isTrue();
        assertThat(e.isClosed()).isTrue();
    }

    @Test
    void aProgressNotificationDuringTheDeliveryGoesOutAtOnceNotWhenTheHandlerReturns() throws Exception {
        FakeExchange http = new FakeExchange();
        String[] seenDuringDelivery = new String[1];
        StatelessExchange e = exchange((x, r) -> {
            x.send(progress(), OutboundContext.relatedTo(r.id()));
            seenDuringDelivery[0] = http.text(); // the handler is still running
            x.send(answer(r), OutboundContext.NONE);
        });
        e.accept(List.of(request(9)), InboundContext.EMPTY, JSON_2026, writer(http));
        assertThat(seenDuringDelivery[0]).contains("notifications/progress");
        assertThat(e.delivered()).isNull();
        assertThat(starts.get()).isEqualTo(1);
        assertThat(http.text()).contains("\"ok\":true");
        assertThat(e.isClosed()).isTrue();
    }

    @Test
    void anAnswerGivenAfterTheDeliveryGoesToTheAttachedWriterAsJson() throws Exception {
        JsonRpcRequest[] pending = new JsonRpcRequest[1];
        StatelessExchange e = exchange((x, r) -> pending[0] = r); // handed off: no answer yet
        FakeExchange http = new FakeExchange();
        e.accept(List.of(request(4)), InboundContext.EMPTY, JSON_2026, writer(http));
        assertThat(e.delivered()).isNull();
        assertThat(http.completed).isFalse();
        e.send(answer(pending[0]), OutboundContext.NONE);
        assertThat(http.contentType).startsWith("application/json");
        assertThat(McpJson.parse(http.text()).get("id").intValue()).isEqualTo(4);
        assertThat(http.completed).isTrue();
        assertThat(e.isClosed()).isTrue();
    }

    @Test
    void anInlineHandlerStillBusyAfterTheKeepAliveIntervalGetsItsWriterAndSseFromTheSweep() throws Exception {
        StatelessExchange e = exchange((x, r) -> {}); // the handler has not answered yet
        FakeExchange http = new FakeExchange();
        e.accept(List.of(request(5)), InboundContext.EMPTY, JSON_2026, writer(http));
        e.keepAlive(-1); // the sweep, with the request older than the interval: still on the request thread
        assertThat(starts.get()).isEqualTo(1);
        assertThat(http.contentType).startsWith("text/event-stream");
        e.send(new JsonRpcResponse(RequestId.of(5), McpJson.parse("{\"ok\":true}")), OutboundContext.NONE);
        assertThat(http.text()).contains("\"ok\":true");
        assertThat(http.completed).isTrue();
        assertThat(e.delivered()).isNull();
        assertThat(starts.get()).isEqualTo(1);
        assertThat(e.isClosed()).isTrue();
    }

    @Test
    void aBatchOfTwoRequestsIsNeverAnsweredInline() throws Exception {
        StatelessExchange e = exchange((x, r) -> x.send(answer(r), OutboundContext.NONE));
        FakeExchange http = new FakeExchange();
        e.accept(List.of(request(6), request(7)), InboundContext.EMPTY, JSON_2026, writer(http));
        assertThat(e.delivered()).isNull();
        String sse = http.text();
        assertThat(sse).contains("\"id\":6").contains("\"id\":7");
        assertThat(http.completed).isTrue();
        assertThat(e.isClosed()).isTrue();
    }

    @Test
    void anExchangeClosedWhileHeldStartsNoWriter() throws Exception {
        StatelessExchange e = exchange((x, r) -> {});
        FakeExchange http = new FakeExchange();
        e.accept(List.of(request(8)), InboundContext.EMPTY, JSON_2026, writer(http));
        e.close();
        assertThat(e.delivered()).isNull();
        assertThat(starts.get()).as("the container ends the response").isZero();
        assertThat(closes.get()).isEqualTo(1);
    }

    @Test
    void theRequestThreadDoesNotLeaveTheServletWhileAnotherThreadStartsTheWriter() throws Exception {
        // a handler handed off elsewhere sends a notification while the request thread is still delivering: that
        // thread starts the writer; the request thread's delivered() must wait for it (leaving the servlet before the
        // response went asynchronous would let the container complete it empty)
        java.util.concurrent.CountDownLatch inStart = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeExchange http = new FakeExchange();
        StatelessExchange.WriterStart slowStart = () -> {
            inStart.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            events.add("writer started");
            return AsyncWriter.start(http.request, http.response, settings.writeBudget());
        };
        StatelessExchange e = exchange((x, r) -> {});
        e.accept(List.of(request(10)), InboundContext.EMPTY, JSON_2026, slowStart);
        Thread handler = new Thread(() -> e.send(progress(), OutboundContext.relatedTo(RequestId.of(10))));
        handler.start();
        assertThat(inStart.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread requestThread = new Thread(() -> {
            e.delivered();
            events.add("delivered returned");
        });
        requestThread.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (requestThread.getState() != Thread.State.TIMED_WAITING
                && requestThread.isAlive()
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        requestThread.join(10_000);
        handler.join(10_000);
        assertThat(events).containsExactly("writer started", "delivered returned");
        assertThat(http.text()).contains("notifications/progress");
    }
}
