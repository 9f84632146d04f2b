package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.Progress;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18: the SSE answer of one POST resumes on another instance. One redis-server, two instances, nginx round
 * robin in front: the client reads the first progress event of a running tool, drops the connection, and resumes with
 * {@code Last-Event-ID} through nginx on the other instance, which replays the stored events and relays the live ones
 * up to the answer; when the serving instance died meanwhile, the resumed stream gives the stored events and ends
 * (no hang).
 */
class RequestStreamBehindNginxTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final Duration KEEP_ALIVE = Duration.ofMillis(300);

    RedisServerProcess redis;
    final Instance[] instances = new Instance[2];
    NginxProcess nginx;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServerProcess.start();
        for (int n = 0; n < 2; n++) {
            instances[n] = new Instance(n, redis.uri());
        }
        nginx = NginxProcess.start(List.of(instances[0].port(), instances[1].port()));
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (Instance i : instances) {
            if (i != null) {
                i.kill();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Timeout(60)
    void aRequestStreamResumedOnTheOtherInstanceGetsTheStoredEventsThenTheLiveOnesUpToTheAnswer() throws Exception {
        String session = initialize();
        Sse first = post(session, 2);
        Sse.Event step1 = first.next();
        Instance serving = servingInstance(step1);
        Instance other = instances[1 - serving.n];
        first.close(); // the client's connection drops; the tool goes on

        nextThroughNginxGoesTo(other, session);
        Sse resumed = get(session, step1.id());
        String channel = "mcp:stream:" + session + ":"
                + step1.id().substring(0, step1.id().indexOf('_'));
        Poll.until(
                "the other instance relays the stream",
                () -> other.redis.messageBus().hasReceivers(channel));
        serving.release.countDown();

        Sse.Event step2 = resumed.next();
        assertThat(McpJson.parse(step2.data()).path("params").path("message").asString())
                .isEqualTo("step 2 on instance-" + serving.n);
        Sse.Event answer = resumed.next();
        assertThat(McpJson.parse(answer.data())
                        .path("result")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("done on instance-" + serving.n);
        assertThat(resumed.next()).as("the stream ends after the answer").isNull();
    }

    @Test
    @Timeout(60)
    void aRequestStreamWhoseInstanceDiedEndsAfterItsStoredEventsInsteadOfHanging() throws Exception {
        String session = initialize();
        Sse first = post(session, 2);
        Sse.Event step1 = first.next();
        Instance serving = servingInstance(step1);
        first.close();
        serving.kill();

        Sse resumed = get(session, step1.id()); // nginx: the dead upstream fails, the other one answers
        assertThat(resumed.status).isEqualTo(200);
        assertThat(resumed.next())
                .as("nothing came after step 1, and the stream ends")
                .isNull();
        assertThat(resumed.comments).anyMatch(c -> c.contains("the instance serving this request stopped"));
    }

    /** Sends requests through nginx until the next one (round robin) goes to {@code target}. */
    void nextThroughNginxGoesTo(Instance target, String session) throws Exception {
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = http.send(
                    request(nginx.uri(), session)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i)
                                    + ",\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!r.body().contains("instance-" + target.n)) {
                return; // it went to the other one: the next goes to target
            }
        }
        throw new AssertionError("nginx did not alternate");
    }

    Instance servingInstance(Sse.Event step1) {
        String message =
                McpJson.parse(step1.data()).path("params").path("message").asString();
        assertThat(message).startsWith("step 1 on instance-");
        return instances[message.endsWith("0") ? 0 : 1];
    }

    String initialize() throws Exception {
        HttpResponse<String> init = http.send(
                request(nginx.uri(), null)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                        + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                        + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(
                request(nginx.uri(), session)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return session;
    }

    Sse post(String session, int id) throws Exception {
        return Sse.open(
                http,
                request(nginx.uri(), session)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + id
                                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"steps\",\"arguments\":{},"
                                + "\"_meta\":{\"progressToken\":\"p\"}}}"))
                        .build());
    }

    Sse get(String session, String lastEventId) throws Exception {
        return Sse.open(
                http,
                request(nginx.uri(), session)
                        .header("Last-Event-ID", lastEventId)
                        .setHeader("Accept", "text/event-stream")
                        .GET()
                        .build());
    }

    static HttpRequest.Builder request(URI uri, String session) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        b.setHeader("Accept", "application/json, text/event-stream");
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return b;
    }

    /** An SSE response read on its own thread: its events with data (bounded waits), its comments, its end. */
    static final class Sse implements AutoCloseable {
        record Event(String id, String data) {}

        private static final Event END = new Event(null, null);
        final int status;
        final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> body;

        private Sse(HttpResponse<Stream<String>> response) {
            this.status = response.statusCode();
            this.body = response.body();
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Sse open(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
            return new Sse(http.send(request, HttpResponse.BodyHandlers.ofLines()));
        }

        private void read() {
            String id = null;
            StringBuilder data = new StringBuilder();
            try {
                Iterator<String> lines = body.iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, data.toString()));
                        }
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException e) {
                // closed by the test, or cut
            }
            events.add(END);
        }

        /** The next event with data, or null when the stream ended; fails after 15 s. */
        Event next() throws InterruptedException {
            Event e = events.poll(15, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event and no end within 15 s");
            }
            return e == END ? null : e;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    /** One instance; its tool reports step 1, waits for the test, reports step 2 and answers. */
    static final class Instance {
        final int n;
        final RedisScaleOut redis;
        final McpServer server;
        final McpHttpServer httpServer;
        final CountDownLatch release = new CountDownLatch(1);
        private boolean killed;

        Instance(int n, String redisUri) {
            this.n = n;
            redis = RedisScaleOut.builder().uri(redisUri).namespace("streams").build();
            server = redis.configure(McpServer.builder().name("instance-" + n))
                    .tool(Tool.builder("whoami", EMPTY).build(), (req, ctx) -> CallToolResult.text("instance-" + n))
                    .tool(Tool.builder("steps", EMPTY).build(), (req, ctx) -> {
                        ctx.progress(Progress.of(1).message("step 1 on instance-" + n));
                        if (!release.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("not released");
                        }
                        ctx.progress(Progress.of(2).message("step 2 on instance-" + n));
                        return CallToolResult.text("done on instance-" + n);
                    })
                    .build();
            httpServer = McpHttpServer.builder(server)
                    .port(0)
                    .servlet(s -> redis.configure(s).keepAliveInterval(KEEP_ALIVE))
                    .start();
        }

        int port() {
            return httpServer.uri().getPort();
        }

        synchronized void kill() {
            if (killed) {
                return;
            }
            killed = true;
            redis.close(); // first: nothing more reaches the store or the bus
            httpServer.close();
            server.close();
            release.countDown();
        }
    }
}
