package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.SessionTestSupport.headers;
import static dev.jmcp.transport.http.SessionTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.InMemorySessionStore;
import dev.jmcp.server.InMemoryTaskStore;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Two instances (each its own McpServer on its own Jetty) sharing one in-memory session store, task store, event
 * store and message bus (issue #18): a client that sends each request to either instance is served as by one.
 */
@Timeout(30)
class ScaleOutOverHttpTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{}},"
            + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemoryTaskStore tasks = new InMemoryTaskStore();
    final InMemoryEventStore events = new InMemoryEventStore();
    final LocalMessageBus bus = LocalMessageBus.shared();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final List<AtomicInteger> served = List.of(new AtomicInteger(), new AtomicInteger());
    final List<AutoCloseable> open = new ArrayList<>();
    final List<McpServer> servers = new ArrayList<>();
    URI a;
    URI b;

    @BeforeEach
    void start() {
        a = instance(0);
        b = instance(1);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    URI instance(int n) {
        Tool blocking = Tool.builder("blocking", EMPTY)
                .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                .build();
        McpServer server = McpServer.builder()
                .name("instance-" + n)
                .sessionStore(sessions, Duration.ofMinutes(5))
                .taskStore(tasks)
                .messageBus(bus)
                .tool(Tool.builder("whoami", EMPTY).build(), (req, ctx) -> {
                    served.get(n).incrementAndGet();
                    return CallToolResult.text("instance-" + n + " " + ctx.sessionId());
                })
                .tool(Tool.builder("ask", EMPTY).build(), (req, ctx) -> {
                    var answer = ctx.elicit(FormElicitRequest.of(
                            "name?",
                            RequestedSchema.of(
                                    Map.of("name", StringSchema.builder().build()), List.of())));
                    return CallToolResult.text(
                            "hello " + answer.content().get("name").asString());
                })
                .tool(Tool.builder("complete", EMPTY).build(), (req, ctx) -> {
                    String id = req.arguments().path("id").asString("e");
                    ctx.completeUrlElicitation(id);
                    return CallToolResult.text("completed " + id);
                })
                .tool(Tool.builder("chatty", EMPTY).build(), (req, ctx) -> {
                    ctx.log(LoggingLevel.INFO, "chatty", "info from instance-" + n);
                    ctx.log(LoggingLevel.ERROR, "chatty", "error from instance-" + n);
                    return CallToolResult.text("said");
                })
                .tool(blocking, (req, ctx) -> {
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return CallToolResult.text("released on instance-" + n);
                })
                .resource(
                        Resource.builder("file:///watched", "watched").build(),
                        (req, ctx) ->
                                ReadResourceResult.of(List.of(TextResourceContents.of(req.uri(), "text/plain", "x"))))
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .port(0)
                .servlet(s -> s.eventStore(events).messageBus(bus))
                .start();
        open.add(0, server);
        open.add(0, http);
        servers.add(server);
        return http.uri();
    }

    /** Opens a session on {@code uri} and sends notifications/initialized there. */
    static String initialize(URI uri) throws Exception {
        HttpResponse<String> r = post(uri, INITIALIZE, headers(null, null));
        assertThat(r.statusCode()).isEqualTo(200);
        String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(uri, SessionTestSupport.INITIALIZED, headers(session, null))
                        .statusCode())
                .isEqualTo(202);
        return session;
    }

    static String call(long id, String tool, String args) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + args + "}}";
    }

    static String request(long id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    /** The JSON-RPC message of a response (a JSON body, or the last SSE event carrying the answer). */
    static JsonNode answer(HttpResponse<String> r) {
        String body = r.body();
        if (body.startsWith("{")) {
            return McpJson.parse(body);
        }
        JsonNode last = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                JsonNode m = McpJson.parse(line.substring(5).trim());
                if (m.has("id") && (m.has("result") || m.has("error"))) {
                    last = m;
                }
            }
        }
        return last;
    }

    static String text(JsonNode answer) {
        return answer.path("result").path("content").path(0).path("text").asString();
    }

    static Map<String, String> sse(String session) {
        Map<String, String> h = new LinkedHashMap<>(headers(session, null));
        h.put("Accept", "text/event-stream");
        return h;
    }

    static Map<String, String> postSse(String session) {
        Map<String, String> h = new LinkedHashMap<>(headers(session, null));
        h.put("Accept", "application/json, text/event-stream");
        return h;
    }

    /** The next event on {@code stream} whose data is a message with {@code method}, skipping others. */
    static RawSse.Event next(RawSse stream, String method) throws Exception {
        RawSse.Event e;
        while ((e = stream.next()) != null) {
            if (e.data() != null
                    && !e.data().isEmpty()
                    && method.equals(McpJson.parse(e.data()).path("method").asString(""))) {
                return e;
            }
        }
        throw new AssertionError("stream ended before " + method);
    }

    @Test
    void aSessionInitializedOnAIsServedByBWithoutANewHandshake() throws Exception {
        String session = initialize(a);
        HttpResponse<String> onB = post(b, call(2, "whoami", "{}"), headers(session, null));
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.headers().firstValue("Mcp-Session-Id")).contains(session);
        assertThat(text(answer(onB))).isEqualTo("instance-1 " + session);
        // and back on A, and again on B: one session, whichever instance serves it
        assertThat(text(answer(post(a, call(3, "whoami", "{}"), headers(session, null)))))
                .isEqualTo("instance-0 " + session);
        assertThat(text(answer(post(b, call(4, "whoami", "{}"), headers(session, null)))))
                .isEqualTo("instance-1 " + session);
        // a second initialize on B is refused: B's copy is initialized from the store
        JsonNode again = answer(post(b, INITIALIZE.replace("\"id\":1", "\"id\":5"), headers(session, null)));
        assertThat(again.path("error").path("message").asString()).contains("already");
    }

    @Test
    void anUnknownSessionIdGets404FromEveryInstanceAndADeletedSessionIsGoneEverywhere() throws Exception {
        assertThat(post(b, call(2, "whoami", "{}"), headers("no-such-session", null))
                        .statusCode())
                .isEqualTo(404);
        String session = initialize(a);
        assertThat(post(b, call(2, "whoami", "{}"), headers(session, null)).statusCode())
                .isEqualTo(200);
        assertThat(SessionTestSupport.delete(b, headers(session, null)).statusCode())
                .isEqualTo(200);
        assertThat(sessions.find(session)).isNull();
        assertThat(post(a, call(3, "whoami", "{}"), headers(session, null)).statusCode())
                .isEqualTo(404);
        assertThat(post(b, call(4, "whoami", "{}"), headers(session, null)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anElicitationAskedByAHandlerOnAIsAnsweredThroughB() throws Exception {
        String session = initialize(a);
        try (RawSse stream = RawSse.open(a, "POST", postSse(session), call(2, "ask", "{}"))) {
            assertThat(stream.status()).isEqualTo(200);
            JsonNode ask = McpJson.parse(next(stream, "elicitation/create").data());
            String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + ask.get("id") + ",\"result\":{\"action\":\"accept\","
                    + "\"content\":{\"name\":\"Ada\"}}}";
            assertThat(post(b, answer, headers(session, null)).statusCode()).isEqualTo(202);
            RawSse.Event e;
            JsonNode result = null;
            while (result == null && (e = stream.next()) != null) {
                JsonNode m = e.data() == null || e.data().isEmpty() ? null : McpJson.parse(e.data());
                if (m != null && m.path("id").asInt(-1) == 2) {
                    result = m;
                }
            }
            assertThat(result).isNotNull();
            assertThat(text(result)).isEqualTo("hello Ada");
        }
    }

    @Test
    void aNotificationFromBsCopyOfTheSessionArrivesOnTheGetStreamHeldByA() throws Exception {
        String session = initialize(a);
        try (RawSse get = RawSse.open(a, "GET", sse(session), null)) {
            assertThat(get.status()).isEqualTo(200);
            awaitListening(session);
            assertThat(text(answer(post(b, call(2, "complete", "{\"id\":\"e1\"}"), headers(session, null)))))
                    .isEqualTo("completed e1");
            RawSse.Event e = next(get, "notifications/elicitation/complete");
            assertThat(McpJson.parse(e.data())
                            .path("params")
                            .path("elicitationId")
                            .asString())
                    .isEqualTo("e1");
            assertThat(e.id()).isNotNull();
        }
    }

    @Test
    void aGetStreamClosedOnAResumesOnBWithLastEventIdLosingAndRepeatingNothing() throws Exception {
        String session = initialize(a);
        String lastSeen;
        try (RawSse get = RawSse.open(a, "GET", sse(session), null)) {
            awaitListening(session);
            post(b, call(2, "complete", "{\"id\":\"n1\"}"), headers(session, null));
            post(a, call(3, "complete", "{\"id\":\"n2\"}"), headers(session, null));
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("n1");
            RawSse.Event second = next(get, "notifications/elicitation/complete");
            assertThat(elicitationId(second)).isEqualTo("n2");
            lastSeen = second.id();
            get.reset();
        }
        // sent while no GET stream is connected anywhere: kept in the shared event store
        post(b, call(4, "complete", "{\"id\":\"n3\"}"), headers(session, null));
        post(a, call(5, "complete", "{\"id\":\"n4\"}"), headers(session, null));
        Map<String, String> resume = sse(session);
        resume.put("Last-Event-ID", lastSeen);
        try (RawSse get = RawSse.open(b, "GET", resume, null)) {
            assertThat(get.status()).isEqualTo(200);
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("n3");
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("n4");
            // live again, from both instances
            post(b, call(6, "complete", "{\"id\":\"n5\"}"), headers(session, null));
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("n5");
            post(b, call(7, "complete", "{\"id\":\"n6\"}"), headers(session, null));
            assertThat(elicitationId(next(get, "notifications/elicitation/complete")))
                    .isEqualTo("n6");
        }
    }

    @Test
    void aResourceUpdateOnBReachesTheSubscriberWhoseGetStreamIsOnAOnce() throws Exception {
        String session = initialize(a);
        // subscribed through B, GET stream on A
        assertThat(answer(post(
                                b,
                                request(2, "resources/subscribe", "{\"uri\":\"file:///watched\"}"),
                                headers(session, null)))
                        .has("result"))
                .isTrue();
        try (RawSse get = RawSse.open(a, "GET", sse(session), null)) {
            awaitListening(session);
            servers.get(1).notifyResourceUpdated("file:///watched");
            post(b, call(3, "complete", "{\"id\":\"after\"}"), headers(session, null));
            List<String> methods = new ArrayList<>();
            RawSse.Event e;
            while ((e = get.next()) != null) {
                if (e.data() == null || e.data().isEmpty()) {
                    continue;
                }
                JsonNode m = McpJson.parse(e.data());
                methods.add(m.path("method").asString());
                if (m.path("params").path("elicitationId").asString("").equals("after")) {
                    break;
                }
            }
            // exactly one update (A's copy, which holds the GET stream; B's copy sends none), before the marker
            assertThat(methods)
                    .containsExactly("notifications/resources/updated", "notifications/elicitation/complete");
        }
    }

    @Test
    void aTaskCreatedOnAIsPolledFetchedAndCancelledOnB() throws Exception {
        String session = initialize(a);
        JsonNode created = answer(post(
                a,
                request(2, "tools/call", "{\"name\":\"blocking\",\"arguments\":{},\"task\":{\"ttl\":60000}}"),
                headers(session, null)));
        String id = created.path("result").path("task").path("taskId").asString();
        assertThat(id).isNotEmpty();
        JsonNode got = answer(post(b, request(3, "tasks/get", "{\"taskId\":\"" + id + "\"}"), headers(session, null)));
        assertThat(got.path("result").path("status").asString()).isEqualTo("working");
        JsonNode listed = answer(post(b, request(4, "tasks/list", "{}"), headers(session, null)));
        assertThat(listed.path("result").path("tasks").path(0).path("taskId").asString())
                .isEqualTo(id);

        // tasks/result on B waits for the task A runs
        var result = SessionTestSupport.CLIENT.sendAsync(
                SessionTestSupport.postRequest(
                                b, request(5, "tasks/result", "{\"taskId\":\"" + id + "\"}"), headers(session, null))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        release.countDown();
        assertThat(text(answer(result.get(10, TimeUnit.SECONDS)))).isEqualTo("released on instance-0");
        JsonNode done = answer(post(b, request(6, "tasks/get", "{\"taskId\":\"" + id + "\"}"), headers(session, null)));
        assertThat(done.path("result").path("status").asString()).isEqualTo("completed");
    }

    @Test
    void aTaskRunningOnAIsCancelledThroughB() throws Exception {
        String session = initialize(a);
        JsonNode created = answer(post(
                a,
                request(2, "tools/call", "{\"name\":\"blocking\",\"arguments\":{},\"task\":{}}"),
                headers(session, null)));
        String id = created.path("result").path("task").path("taskId").asString();
        JsonNode cancelled =
                answer(post(b, request(3, "tasks/cancel", "{\"taskId\":\"" + id + "\"}"), headers(session, null)));
        assertThat(cancelled.path("result").path("status").asString()).isEqualTo("cancelled");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        JsonNode onA = answer(post(a, request(4, "tasks/get", "{\"taskId\":\"" + id + "\"}"), headers(session, null)));
        assertThat(onA.path("result").path("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void a2026TaskCreatedOnAIsPolledOnB() throws Exception {
        JsonNode created =
                Raw2026.result(a, null, "tools/call", Raw2026.params("{\"name\":\"blocking\",\"arguments\":{}}"));
        assertThat(created.get("resultType").asString()).isEqualTo("task");
        String id = created.get("taskId").asString();
        JsonNode working = Raw2026.result(b, null, "tasks/get", Raw2026.params("{\"taskId\":\"" + id + "\"}"));
        assertThat(working.get("status").asString()).isEqualTo("working");
        release.countDown();
        Poll.until("the task completed, seen from B", () -> {
            try {
                JsonNode t = Raw2026.result(b, null, "tasks/get", Raw2026.params("{\"taskId\":\"" + id + "\"}"));
                return t.get("status").asString().equals("completed")
                        && t.path("result")
                                .path("content")
                                .path(0)
                                .path("text")
                                .asString()
                                .equals("released on instance-0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aLogLevelSetThroughBAppliesToTheCopyOnA() throws Exception {
        String session = initialize(a);
        String before = post(a, call(2, "chatty", "{}"), postSse(session)).body();
        assertThat(before).contains("info from instance-0").contains("error from instance-0");
        assertThat(answer(post(b, request(3, "logging/setLevel", "{\"level\":\"error\"}"), headers(session, null)))
                        .has("result"))
                .isTrue();
        String after = post(a, call(4, "chatty", "{}"), postSse(session)).body();
        assertThat(after).contains("error from instance-0").doesNotContain("info from instance-0");
    }

    @Test
    void twentyForcedDisconnectsAlternatingInstancesDeliverEveryMessageOnceInOrder() throws Exception {
        String session = initialize(a);
        List<String> got = new ArrayList<>();
        String last = null;
        int sent = 0;
        long id = 10;
        for (int round = 0; round < 20; round++) {
            URI holder = round % 2 == 0 ? a : b;
            URI other = round % 2 == 0 ? b : a;
            Map<String, String> h = sse(session);
            if (last != null) {
                h.put("Last-Event-ID", last);
            }
            try (RawSse get = RawSse.open(holder, "GET", h, null)) {
                assertThat(get.status()).isEqualTo(200);
                post(other, call(id++, "complete", "{\"id\":\"m" + sent++ + "\"}"), headers(session, null));
                post(holder, call(id++, "complete", "{\"id\":\"m" + sent++ + "\"}"), headers(session, null));
                while (got.size() < sent) {
                    RawSse.Event e = next(get, "notifications/elicitation/complete");
                    got.add(elicitationId(e));
                    last = e.id();
                }
                get.reset(); // the client vanishes without a word
            }
            // sent while the client is away: only the shared event store has it until the next resumption
            post(other, call(id++, "complete", "{\"id\":\"m" + sent++ + "\"}"), headers(session, null));
        }
        Map<String, String> h = sse(session);
        h.put("Last-Event-ID", last);
        try (RawSse get = RawSse.open(a, "GET", h, null)) {
            while (got.size() < sent) {
                got.add(elicitationId(next(get, "notifications/elicitation/complete")));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            expected.add("m" + i);
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    static String elicitationId(RawSse.Event e) {
        return McpJson.parse(e.data()).path("params").path("elicitationId").asString();
    }

    /** Waits until some instance listens to the session's GET stream on the bus (its GET was attached). */
    void awaitListening(String session) {
        Poll.until("the GET stream is attached", () -> bus.hasSubscribers("mcp:stream:" + session + ":0"));
    }
}
