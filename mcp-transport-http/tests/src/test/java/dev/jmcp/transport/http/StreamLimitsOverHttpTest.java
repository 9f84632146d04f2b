package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.initialize;
import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import dev.jmcp.transport.http.servlet.internal.ServerTransport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The servlet's stream limits and stream bookkeeping (issue #14: D4, D5, DL1-DL4, L1, L2), driven with raw HTTP
 * on 127.0.0.1.
 */
@Timeout(30)
class StreamLimitsOverHttpTest {
    private final StreamsPeer peer = new StreamsPeer();
    private final List<McpHttpServer> servers = new ArrayList<>();

    private URI start(Consumer<McpHttpServlet.Builder> config) {
        McpHttpServer http = McpHttpServer.builder(peer)
                .servlet(s -> {
                    s.retryInterval(Duration.ofMillis(100));
                    config.accept(s);
                })
                .start();
        servers.add(http);
        return http.uri();
    }

    @AfterEach
    void stop() {
        servers.forEach(McpHttpServer::close);
    }

    private static Map<String, String> session(String id) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Mcp-Session-Id", id);
        h.put("MCP-Protocol-Version", "2025-11-25");
        return h;
    }

    private static Map<String, String> postHeaders(String id) {
        Map<String, String> h = session(id);
        h.put("Accept", "application/json, text/event-stream");
        return h;
    }

    private static Map<String, String> resumeHeaders(String id, String lastEventId) {
        Map<String, String> h = session(id);
        h.put("Accept", "text/event-stream");
        h.put("Last-Event-ID", lastEventId);
        return h;
    }

    /** Posts {@code body} as SSE and reads the whole stream; returns its events. */
    private static List<RawSse.Event> postSse(URI uri, String session, String body) throws Exception {
        try (RawSse sse = RawSse.open(uri, "POST", postHeaders(session), body)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.header("Content-Type")).startsWith("text/event-stream");
            List<RawSse.Event> events = new ArrayList<>();
            RawSse.Event e;
            while ((e = sse.next()) != null) {
                events.add(e);
            }
            return events;
        }
    }

    private static String emit(long id, int count, int size) {
        return request(id, "emit", "{\"count\":" + count + ",\"size\":" + size + "}");
    }

    // ---------------------------------------------------------------- event store (D4, DL1)

    @Test
    void chattyStreamEvictsItsOwnEventsNotAnotherStreamsResponseAndResumingFromAnEvictedEventIs410() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore(1024, 16 * 1024, 1L << 30);
        URI uri = start(s -> s.eventStore(store).primingDelay(Duration.ZERO));
        String id = initialize(uri);
        List<RawSse.Event> quiet = postSse(uri, id, emit(2, 2, 10));
        assertThat(quiet.get(quiet.size() - 1).data()).contains("\"count\":2");
        List<RawSse.Event> chatty = postSse(uri, id, emit(3, 200, 200));
        assertThat(chatty).hasSize(202);
        assertThat(store.totalBytes()).isLessThanOrEqualTo(16 * 1024);

        HttpResponse<String> quietAgain =
                HttpTestSupport.get(uri, resumeHeaders(id, quiet.get(0).id()));
        assertThat(quietAgain.statusCode()).isEqualTo(200);
        assertThat(quietAgain.body()).contains("\"i\":0").contains("\"i\":1").contains("\"count\":2");

        HttpResponse<String> chattyAgain =
                HttpTestSupport.get(uri, resumeHeaders(id, chatty.get(0).id()));
        assertThat(chattyAgain.statusCode()).as(chattyAgain.body()).isEqualTo(410);
        assertThat(McpJson.parse(chattyAgain.body())
                        .path("error")
                        .path("message")
                        .asString())
                .contains("evicted");
        // a resumption point after the evicted part still resumes
        HttpResponse<String> tail =
                HttpTestSupport.get(uri, resumeHeaders(id, chatty.get(199).id()));
        assertThat(tail.statusCode()).isEqualTo(200);
        assertThat(tail.body()).contains("\"i\":199").contains("\"count\":200");
    }

    @Test
    void globalStoreBoundEvictsFromTheLargestSessionNotAQuietOne() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore(1024, 1L << 20, 24 * 1024);
        URI uri = start(s -> s.eventStore(store).primingDelay(Duration.ZERO));
        String quietSession = initialize(uri);
        String chattySession = initialize(uri);
        List<RawSse.Event> quiet = postSse(uri, quietSession, emit(2, 2, 10));
        List<RawSse.Event> chatty = postSse(uri, chattySession, emit(3, 200, 200));
        assertThat(store.totalBytes()).isLessThanOrEqualTo(24 * 1024);

        HttpResponse<String> quietAgain = HttpTestSupport.get(
                uri, resumeHeaders(quietSession, quiet.get(0).id()));
        assertThat(quietAgain.statusCode()).isEqualTo(200);
        assertThat(quietAgain.body()).contains("\"count\":2");
        HttpResponse<String> chattyAgain = HttpTestSupport.get(
                uri, resumeHeaders(chattySession, chatty.get(0).id()));
        assertThat(chattyAgain.statusCode()).isEqualTo(410);
    }

    // ---------------------------------------------------------------- standalone backlog (DL3)

    @Test
    void standaloneBacklogIsBoundedInBytesAndTheNextGetIsToldHowManyMessagesWereDropped() throws Exception {
        URI uri = start(s -> s.maxStandaloneBacklogBytes(4096));
        String id = initialize(uri);
        assertThat(post(uri, request(2, "flood", "{\"count\":100,\"size\":200}"), session(id))
                        .statusCode())
                .isEqualTo(200);
        Map<String, String> get = session(id);
        get.put("Accept", "text/event-stream");
        try (RawSse sse = RawSse.open(uri, "GET", get, null)) {
            assertThat(sse.status()).isEqualTo(200);
            JsonNode notice = McpJson.parse(sse.next().data());
            assertThat(notice.path("method").asString()).isEqualTo("notifications/message");
            assertThat(notice.path("params").path("level").asString()).isEqualTo("warning");
            long dropped =
                    notice.path("params").path("data").path("droppedMessages").longValue();
            assertThat(dropped).isPositive();
            List<Integer> kept = new ArrayList<>();
            while (kept.isEmpty() || kept.get(kept.size() - 1) < 99) {
                kept.add(McpJson.parse(sse.next().data())
                        .path("params")
                        .path("i")
                        .intValue());
            }
            assertThat(kept.get(0)).isEqualTo((int) dropped);
            assertThat(dropped + kept.size()).isEqualTo(100);
        }
    }

    // ---------------------------------------------------------------- priming (DL2)

    @Test
    void undecidedStreamSendsAPrimingEventSoThatADroppedConnectionCanBeResumed() throws Exception {
        URI uri = start(s -> s.primingDelay(Duration.ofMillis(100)));
        String id = initialize(uri);
        String primingId;
        try (RawSse sse = RawSse.open(uri, "POST", postHeaders(id), request(5, "sleep", "{\"ms\":2500}"))) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.header("Content-Type")).startsWith("text/event-stream");
            RawSse.Event priming = sse.next();
            assertThat(priming.id()).isNotNull();
            assertThat(priming.data()).isEmpty();
            primingId = priming.id();
            sse.reset(); // the connection drops before the answer
        }
        HttpResponse<String> resumed = HttpTestSupport.get(uri, resumeHeaders(id, primingId));
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.body()).contains("\"slept\":2500").contains("\"id\":5");
    }

    @Test
    void quickAnswersStillComeAsPlainJsonBeforeThePrimingDelay() throws Exception {
        URI uri = start(s -> s.primingDelay(Duration.ofSeconds(5)));
        String id = initialize(uri);
        HttpResponse<String> r = post(uri, request(3, "echo", "{\"a\":1}"), session(id));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    // ---------------------------------------------------------------- duplicate request ids (DL4)

    @Test
    void requestIdReusedWhileTheFirstIsInFlightIsRefusedAndTheFirstStillCompletes() throws Exception {
        URI uri = start(s -> {});
        String id = initialize(uri);
        HttpRequest.Builder first = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", HttpTestSupport.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(request(7, "sleep", "{\"ms\":1500}")));
        session(id).forEach(first::header);
        CompletableFuture<HttpResponse<String>> original =
                HttpTestSupport.CLIENT.sendAsync(first.build(), HttpResponse.BodyHandlers.ofString());
        ServerTransport transport = (ServerTransport) peer.transports.get(0);
        Poll.until("the first request is in flight", () -> transport.isAwaiting(RequestId.of(7)));

        HttpResponse<String> duplicate = post(uri, request(7, "echo", "{}"), session(id));
        assertThat(duplicate.statusCode()).isEqualTo(200);
        JsonNode error = McpJson.parse(duplicate.body());
        assertThat(error.path("id").intValue()).isEqualTo(7);
        assertThat(error.path("error").path("code").intValue()).isEqualTo(-32600);
        assertThat(error.path("error").path("message").asString()).contains("already in use");

        HttpResponse<String> answered = original.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("\"slept\":1500");
        assertThat(transport.isAwaiting(RequestId.of(7))).isFalse();
    }

    // ---------------------------------------------------------------- close (L1, L2)

    @Test
    void closingASessionWhileItsHandlerStillSendsLeavesNoEventsBehind() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        URI uri = start(s -> s.eventStore(store));
        for (int round = 0; round < 5; round++) {
            String id = initialize(uri);
            assertThat(post(uri, request(2, "spam", "{\"count\":20000}"), session(id))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(HttpTestSupport.delete(uri, session(id)).statusCode()).isEqualTo(200);
            int done = round + 1;
            Poll.until("the spamming handler ends", () -> peer.spamsDone.get() >= done);
            assertThat(store.sessionCount())
                    .as("sessions with events after round %d", round)
                    .isZero();
            assertThat(store.totalBytes()).isZero();
        }
    }

    @Test
    void postRacingTheCloseOfItsSessionIsAlwaysAnswered() throws Exception {
        URI uri = start(s -> {});
        for (int i = 0; i < 100; i++) {
            String id = initialize(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("Accept", HttpTestSupport.ACCEPT)
                    .POST(HttpRequest.BodyPublishers.ofString(request(9, "echo", "{}")));
            session(id).forEach(b::header);
            CompletableFuture<HttpResponse<String>> racing =
                    HttpTestSupport.CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
            HttpTestSupport.delete(uri, session(id));
            HttpResponse<String> r = racing.get(6, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.statusCode()).as("iteration %d: %s", i, r.body()).isIn(200, 404);
        }
    }

    // ---------------------------------------------------------------- global write budget (D5)

    @Test
    void slowConnectionIsClosedWhenAllQueuesTogetherReachTheGlobalCapAndCanResume() throws Exception {
        URI uri = start(s -> s.maxQueuedBytesTotal(256 * 1024));
        String id = initialize(uri);
        Map<String, String> get = session(id);
        get.put("Accept", "text/event-stream");
        try (RawSse stalled = RawSse.open(uri, "GET", get, null, 4096)) {
            assertThat(stalled.status()).isEqualTo(200);
            ServerTransport transport = (ServerTransport) peer.transports.get(0);
            Poll.until("the GET stream is attached", () -> !transport.isIdle());
            // 6 MB for a reader that does not read: under the 8 MiB per-stream bound, over the 256 KiB global one
            assertThat(post(uri, request(2, "flood", "{\"count\":120,\"size\":50000}"), session(id))
                            .statusCode())
                    .isEqualTo(200);
            Poll.until("the stalled connection is closed", transport::isIdle);
            String firstId = stalled.next().id();
            assertThat(firstId).isNotNull();
            // the resumed connection replays 6 MB under the same 256 KiB budget: a reader that falls behind is
            // closed again, and resumes again from the last event it got (bounded)
            String lastEventId = firstId;
            int last = -1;
            for (int attempt = 0; attempt < 200 && last < 119; attempt++) {
                try (RawSse resumed = RawSse.open(uri, "GET", resumeHeaders(id, lastEventId), null)) {
                    assertThat(resumed.status()).isEqualTo(200);
                    RawSse.Event e;
                    while (last < 119 && (e = nextOrNull(resumed)) != null) {
                        int i = McpJson.parse(e.data()).path("params").path("i").intValue();
                        assertThat(i).as("replayed in order without gaps").isEqualTo(last == -1 ? i : last + 1);
                        last = i;
                        lastEventId = e.id();
                    }
                }
            }
            assertThat(last).as("every message arrived").isEqualTo(119);
        }
    }

    /** The next event, or null when the connection ended (also abruptly: the server closed a slow reader). */
    private static RawSse.Event nextOrNull(RawSse sse) {
        try {
            return sse.next();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
