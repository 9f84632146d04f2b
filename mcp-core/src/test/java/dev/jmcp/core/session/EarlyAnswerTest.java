package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.testsupport.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class EarlyAnswerTest {
    private final InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
    private final List<McpSession> sessions = new ArrayList<>();

    @AfterEach
    void closeAll() {
        sessions.forEach(McpSession::close);
    }

    private McpSession start(McpSession.Builder builder) {
        McpSession s = builder.build();
        sessions.add(s);
        return s.start();
    }

    /**
     * Runs each handler task on a thread of its own and counts {@code done} down once the task finished: by then
     * every answer the task sent has passed the (synchronous) outbound filter.
     */
    private static Executor signallingWhenDone(CountDownLatch done) {
        return task -> new Thread(() -> {
                    try {
                        task.run();
                    } finally {
                        done.countDown();
                    }
                })
                .start();
    }

    /** Counts the answers the client side receives by watching the raw bytes it is sent. */
    private List<String> watchAnswers() {
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        pair.serverSide().withOutboundFilter(bytes -> {
            String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (s.contains("\"result\"") || s.contains("\"error\"")) {
                answers.add(s);
            }
            return bytes;
        });
        return answers;
    }

    @Test
    void anEarlyErrorAnswerWinsAndTheHandlersLateResultIsDropped() throws Exception {
        List<String> answers = watchAnswers();
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicBoolean secondAnswerAccepted = new AtomicBoolean(true);
        CountDownLatch handlerTaskDone = new CountDownLatch(1);
        start(McpSession.builder(pair.serverSide())
                .handlerExecutor(signallingWhenDone(handlerTaskDone))
                .requestHandler("work", r -> {
                    Thread answerer = new Thread(() -> {
                        r.respondError(JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "timed out"));
                        r.abort("timed out");
                    });
                    answerer.start();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    secondAnswerAccepted.set(r.respond(McpJson.object()));
                    returned.countDown();
                    return McpJson.object().put("late", true);
                }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("work", null);
        Throwable cause = causeOf(f);
        assertThat(cause).isInstanceOf(McpRpcException.class);
        assertThat(((McpRpcException) cause).error().message()).isEqualTo("timed out");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(returned.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(secondAnswerAccepted).isFalse();
        // the engine sends a handler's result on the handler's thread, before its task ends
        assertThat(handlerTaskDone.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).hasSize(1);
    }

    @Test
    void aDeferredRequestIsAnsweredLaterFromAnotherThread() throws Exception {
        AtomicReference<InboundRequest> held = new AtomicReference<>();
        CountDownLatch handlerTaskDone = new CountDownLatch(1);
        McpSession server = start(McpSession.builder(pair.serverSide())
                .handlerExecutor(signallingWhenDone(handlerTaskDone))
                .requestHandler("wait", r -> {
                    r.defer();
                    held.set(r);
                    return McpJson.object().put("ignored", true);
                }));
        CountDownLatch probed = new CountDownLatch(1);
        McpSession client =
                start(McpSession.builder(pair.clientSide()).notificationHandler("probe", n -> probed.countDown()));
        CompletableFuture<JsonNode> f = client.request("wait", null);
        assertThat(handlerTaskDone.await(5, TimeUnit.SECONDS)).isTrue();
        // a probe sent after the handler returned is delivered after any answer the handler's return had sent
        server.notify("probe", null);
        assertThat(probed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(f).isNotDone();
        assertThat(server.inFlightRequests()).isEqualTo(1);
        assertThat(held.get().respond(McpJson.object().put("v", 7))).isTrue();
        assertThat(f.get(5, TimeUnit.SECONDS).get("v").asInt()).isEqualTo(7);
        assertThat(held.get().respond(McpJson.object())).isFalse();
        assertThat(server.inFlightRequests()).isZero();
    }

    @Test
    void cancellingADeferredRequestRunsItsCallbacksAndForgetsIt() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicReference<InboundRequest> held = new AtomicReference<>();
        CountDownLatch deferred = new CountDownLatch(1);
        McpSession server = start(McpSession.builder(pair.serverSide()).requestHandler("wait", r -> {
            r.defer();
            r.onCancel(cancelled::countDown);
            held.set(r);
            deferred.countDown();
            return null;
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("wait", null);
        assertThat(deferred.await(5, TimeUnit.SECONDS)).isTrue();
        f.cancel(true);
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(held.get().respond(McpJson.object())).isFalse();
        Poll.until("no request in flight", () -> server.inFlightRequests() == 0);
    }

    private static Throwable causeOf(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
