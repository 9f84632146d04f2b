package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.testsupport.Poll;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Timeout(30)
class McpSessionTest {
    private final InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
    private final List<McpSession> sessions = new ArrayList<>();
    private final List<JsonRpcMessage> seenByServerSide = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        sessions.forEach(McpSession::close);
    }

    private McpSession start(McpSession.Builder builder) {
        McpSession s = builder.build();
        sessions.add(s);
        return s.start();
    }

    private static ObjectNode obj(String json) {
        return (ObjectNode) McpJson.parse(json);
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

    @Test
    void thousandsOfConcurrentRequestsInBothDirectionsAllGetTheirOwnAnswer() throws Exception {
        RequestHandler echo = r -> r.params();
        // 2,000 requests in flight each way: above the default per-session cap, which this test is not about
        McpSession a = start(
                McpSession.builder(pair.clientSide()).maxInFlightRequests(4096).requestHandler("echo", echo));
        McpSession b = start(
                McpSession.builder(pair.serverSide()).maxInFlightRequests(4096).requestHandler("echo", echo));
        int n = 2000;
        List<CompletableFuture<JsonNode>> fromA = new ArrayList<>();
        List<CompletableFuture<JsonNode>> fromB = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fromA.add(a.request("echo", obj("{\"i\":" + i + "}")));
            fromB.add(b.request("echo", obj("{\"j\":" + i + "}")));
        }
        for (int i = 0; i < n; i++) {
            assertThat(fromA.get(i).get(20, TimeUnit.SECONDS).get("i").intValue())
                    .isEqualTo(i);
            assertThat(fromB.get(i).get(20, TimeUnit.SECONDS).get("j").intValue())
                    .isEqualTo(i);
        }
        assertThat(a.pendingRequests()).isZero();
        assertThat(b.pendingRequests()).isZero();
    }

    @Test
    void requestWithoutAnswerTimesOutAndCancelsAtThePeer() throws Exception {
        CountDownLatch cancelledSeen = new CountDownLatch(1);
        McpSession server = start(McpSession.builder(pair.serverSide())
                .requestHandler("hang", r -> {
                    Thread.sleep(60_000);
                    return McpJson.object();
                })
                .notificationHandler("notifications/cancelled", n -> cancelledSeen.countDown()));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request(
                "hang",
                null,
                RequestOptions.builder().timeout(Duration.ofMillis(200)).build());
        assertThat(causeOf(f)).isInstanceOf(McpTimeoutException.class).hasMessageContaining("timed out");
        assertThat(cancelledSeen.await(5, TimeUnit.SECONDS)).isTrue();
        Poll.until("server.inFlightRequests() == 0", () -> server.inFlightRequests() == 0);
    }

    @Test
    void aHandlerThatThrowsAnErrorIsAnsweredInternalErrorInsteadOfHanging() throws Exception {
        start(McpSession.builder(pair.serverSide()).requestHandler("broken", r -> {
            throw new NoSuchMethodError("com.example.Stale.method()V");
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("broken", null);
        Throwable cause = causeOf(f);
        assertThat(cause).isInstanceOf(dev.jmcp.core.McpRpcException.class);
        assertThat(((dev.jmcp.core.McpRpcException) cause).error().code()).isEqualTo(-32603);
        assertThat(cause.getMessage()).doesNotContain("com.example.Stale");
    }

    @Test
    void progressResetsTheTimeoutUpToTheHardMaximum() throws Exception {
        List<Double> progress = new CopyOnWriteArrayList<>();
        start(McpSession.builder(pair.serverSide()).requestHandler("slow", r -> {
            for (int i = 1; i <= 6; i++) {
                Thread.sleep(500);
                r.sendProgress(i, 6.0, "step " + i);
            }
            return obj("{\"done\":true}");
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        // 3 s of work, a 2 s timeout: only progress (every 500 ms) keeps it alive. Each gap leaves 1.5 s for a
        // progress notification to arrive, because CI machines are busy.
        CompletableFuture<JsonNode> ok = client.request(
                "slow",
                null,
                RequestOptions.builder()
                        .timeout(Duration.ofSeconds(2))
                        .progressListener((p, total, message) -> progress.add(p))
                        .build());
        assertThat(ok.get(10, TimeUnit.SECONDS).get("done").booleanValue()).isTrue();
        assertThat(progress).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);

        CompletableFuture<JsonNode> capped = client.request(
                "slow",
                null,
                RequestOptions.builder()
                        .timeout(Duration.ofSeconds(1))
                        .maxTotalTimeout(Duration.ofMillis(700))
                        .progressListener((p, total, message) -> {})
                        .build());
        assertThat(causeOf(capped)).isInstanceOf(McpTimeoutException.class);
    }

    @Test
    void progressDoesNotResetTheTimeoutWhenDisabled() {
        start(McpSession.builder(pair.serverSide()).requestHandler("slow", r -> {
            for (int i = 1; i <= 6; i++) {
                Thread.sleep(100);
                r.sendProgress(i, null, null);
            }
            return McpJson.object();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request(
                "slow",
                null,
                RequestOptions.builder()
                        .timeout(Duration.ofMillis(250))
                        .resetTimeoutOnProgress(false)
                        .progressListener((p, t, m) -> {})
                        .build());
        assertThat(causeOf(f)).isInstanceOf(McpTimeoutException.class);
    }

    @Test
    void cancellingTheFutureInterruptsThePeerHandlerAndDropsItsAnswer() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean sawCancelFlag = new AtomicBoolean();
        start(McpSession.builder(pair.serverSide()).requestHandler("work", r -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                sawCancelFlag.set(r.isCancelled());
                interrupted.countDown();
                throw e;
            }
            return McpJson.object();
        }));
        pair.clientSide().withOutboundFilter(bytes -> bytes);
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("work", null);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(f.cancel(true)).isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sawCancelFlag).isTrue();
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void cancelAfterCompletionIsHarmless() throws Exception {
        start(McpSession.builder(pair.serverSide()).requestHandler("quick", r -> McpJson.object()));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("quick", null);
        f.get(5, TimeUnit.SECONDS);
        assertThat(f.cancel(true)).isFalse();
        assertThat(client.request("quick", null).get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void responseArrivingAfterCancelIsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        McpSession server = start(McpSession.builder(pair.serverSide()).requestHandler("late", r -> {
            running.countDown();
            // Ignores cancellation on purpose and answers anyway.
            while (!release.await(10, TimeUnit.MILLISECONDS)) {
                Thread.interrupted();
            }
            return McpJson.object();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()).requestHandler("ping2", r -> McpJson.object()));
        CompletableFuture<JsonNode> f = client.request("late", null);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        f.cancel(true);
        release.countDown();
        // The session still works and the late answer did not complete anything.
        assertThat(server.request("ping2", null).get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(f).isCancelled();
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void closeFailsEveryPendingRequestPromptly() throws Exception {
        start(McpSession.builder(pair.serverSide()).requestHandler("hang", r -> {
            Thread.sleep(60_000);
            return McpJson.object();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(client.request("hang", null));
        }
        long start = System.nanoTime();
        client.close();
        for (CompletableFuture<JsonNode> f : futures) {
            assertThat(causeOf(f)).isInstanceOf(McpTransportException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(causeOf(client.request("hang", null))).isInstanceOf(McpTransportException.class);
    }

    @Test
    void peerClosingFailsPendingRequestsAndClosesTheSession() throws Exception {
        McpSession server = start(McpSession.builder(pair.serverSide()).requestHandler("hang", r -> {
            Thread.sleep(60_000);
            return McpJson.object();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("hang", null);
        server.close();
        assertThat(causeOf(f)).isInstanceOf(McpTransportException.class);
        client.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void handlerErrorsBecomeJsonRpcErrors() {
        start(McpSession.builder(pair.serverSide())
                .requestHandler("rpc", r -> {
                    throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "bad arg");
                })
                .requestHandler("boom", r -> {
                    throw new IllegalStateException("kaput");
                }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        assertThat(causeOf(client.request("rpc", null))).isInstanceOfSatisfying(McpRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(e.error().message()).isEqualTo("bad arg");
        });
        assertThat(causeOf(client.request("boom", null))).isInstanceOfSatisfying(McpRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
            assertThat(e.error().message()).contains("kaput");
        });
    }

    @Test
    void malformedInputIsAnsweredAndTheSessionGoesOn() throws Exception {
        List<JsonNode> raw = new CopyOnWriteArrayList<>();
        InMemoryTransport.Pair p = InMemoryTransport.linkedPair();
        start(McpSession.builder(p.serverSide()).requestHandler("echo", r -> r.params()));
        // A raw listener on the client side sees exactly what the server sends back.
        p.clientSide().start(new dev.jmcp.core.transport.TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, dev.jmcp.core.transport.InboundContext context) {
                raw.add(JsonRpcCodec.defaults().toTree(message));
            }

            @Override
            public void onInvalidMessage(dev.jmcp.core.jsonrpc.JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {}
        });
        p.clientSide().sendRaw("{not json".getBytes(StandardCharsets.UTF_8));
        p.clientSide().sendRaw("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"echo\"}".getBytes(StandardCharsets.UTF_8));
        p.clientSide()
                .sendRaw("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"echo\",\"params\":{\"ok\":1}}"
                        .getBytes(StandardCharsets.UTF_8));
        Poll.until("raw.size() == 3", () -> raw.size() == 3);
        assertThat(raw.get(0).get("error").get("code").intValue()).isEqualTo(ErrorCodes.PARSE_ERROR);
        assertThat(raw.get(0).get("id").isNull()).isTrue();
        assertThat(raw.get(1).get("error").get("code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(raw.get(1).get("id").intValue()).isEqualTo(5);
        assertThat(raw.get(2).get("result").get("ok").intValue()).isEqualTo(1);
    }

    @Test
    void responseForUnknownIdIsDropped() throws Exception {
        McpSession client = start(McpSession.builder(pair.clientSide()));
        start(McpSession.builder(pair.serverSide()).requestHandler("echo", r -> r.params()));
        pair.serverSide().sendRaw("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(client.request("echo", obj("{\"a\":1}"))
                        .get(5, TimeUnit.SECONDS)
                        .get("a")
                        .intValue())
                .isEqualTo(1);
    }

    @Test
    void notificationsAreDeliveredInOrder() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(500);
        start(McpSession.builder(pair.serverSide()).notificationHandler("tick", n -> {
            seen.add(n.params().get("i").intValue());
            all.countDown();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        for (int i = 0; i < 500; i++) {
            client.notify("tick", obj("{\"i\":" + i + "}"));
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void progressArrivesBeforeTheResult() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        start(McpSession.builder(pair.serverSide()).requestHandler("p", r -> {
            for (int i = 0; i < 20; i++) {
                r.sendProgress(i, 20.0, null);
            }
            return McpJson.object();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        client.request(
                        "p",
                        null,
                        RequestOptions.builder()
                                .progressListener((p, t, m) -> events.add("progress"))
                                .build())
                .thenRun(() -> events.add("result"))
                .get(5, TimeUnit.SECONDS);
        assertThat(events).hasSize(21).last().isEqualTo("result");
    }

    @Test
    void duplicateInFlightIdIsRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<JsonNode> answers = new CopyOnWriteArrayList<>();
        InMemoryTransport.Pair p = InMemoryTransport.linkedPair();
        start(McpSession.builder(p.serverSide()).requestHandler("wait", r -> {
            release.await(5, TimeUnit.SECONDS);
            return McpJson.object();
        }));
        p.clientSide().start(new dev.jmcp.core.transport.TransportListener() {
            @Override
            public void onMessage(JsonRpcMessage message, dev.jmcp.core.transport.InboundContext context) {
                answers.add(JsonRpcCodec.defaults().toTree(message));
            }

            @Override
            public void onInvalidMessage(dev.jmcp.core.jsonrpc.JsonRpcCodecException error) {}

            @Override
            public void onClose(Throwable cause) {}
        });
        byte[] req = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"wait\"}".getBytes(StandardCharsets.UTF_8);
        p.clientSide().sendRaw(req);
        p.clientSide().sendRaw(req);
        Poll.until("answers.size() == 1", () -> answers.size() == 1);
        assertThat(answers.get(0).get("error").get("code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        release.countDown();
        Poll.until("answers.size() == 2", () -> answers.size() == 2);
        assertThat(answers.get(1).has("result")).isTrue();
    }

    @Test
    void inboundCancellationRunsCancelCallbacks() throws Exception {
        CountDownLatch callback = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        start(McpSession.builder(pair.serverSide()).requestHandler("w", r -> {
            r.onCancel(callback::countDown);
            started.countDown();
            Thread.sleep(30_000);
            return McpJson.object();
        }));
        McpSession client = start(McpSession.builder(pair.clientSide()));
        CompletableFuture<JsonNode> f = client.request("w", null);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        f.cancel(true);
        assertThat(callback.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void notificationsSentAfterCloseFail() {
        McpSession client = start(McpSession.builder(pair.clientSide()));
        client.close();
        assertThat(client.notify("x", null)).isCompletedExceptionally();
        AtomicInteger calls = new AtomicInteger();
        client.onClose(t -> calls.incrementAndGet());
        assertThat(calls).hasValue(1);
        assertThat(new JsonRpcNotification("x", null).method()).isEqualTo("x");
    }
}
