package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.ElicitationMode;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The proof of issue #18 against real processes: one redis-server, two jmcp instances (each its own McpServer,
 * Jetty and RedisScaleOut, as two processes would have) and nginx round robin in front, no stickiness.
 *
 * <ul>
 *   <li>failover: the instance holding the client's GET stream is destroyed mid-stream (its Jetty stopped, its
 *       connections cut) {@value #DEFAULT_KILLS} times ({@code -Dfailover.kills=1000} with {@code -Pfailover}); the
 *       jmcp client resumes on the other with {@code Last-Event-ID} and every message arrives once, in order;
 *   <li>an elicitation asked by a handler on one instance and answered through the other completes the tool.
 * </ul>
 */
class ScaleOutBehindNginxTest {
    static final int DEFAULT_KILLS = 20;
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final String NAMESPACE = "proof";

    RedisServerProcess redis;
    final Instance[] instances = new Instance[2];
    NginxProcess nginx;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServerProcess.start();
        instances[0] = new Instance(0, RedisServerProcess.freePort(), redis.uri());
        instances[1] = new Instance(1, RedisServerProcess.freePort(), redis.uri());
        instances[0].start();
        instances[1].start();
        nginx = NginxProcess.start(List.of(instances[0].port, instances[1].port));
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (Instance i : instances) {
            if (i != null) {
                i.stop();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Timeout(3600) // every wait inside is bounded (Poll, request timeout); the 1,000-kill profile takes minutes
    void theGetStreamSurvivesTheLossOfItsInstanceAndEveryMessageArrivesOnceInOrder() throws Exception {
        int kills = Integer.getInteger("failover.kills", DEFAULT_KILLS);
        int perRound = 3;
        List<String> received = new CopyOnWriteArrayList<>();
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(nginx.uri()).build())
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .elicitation(r -> ElicitResult.decline(), ElicitationMode.FORM, ElicitationMode.URL)
                .onElicitationComplete(n -> received.add(n.elicitationId()))
                .requestTimeout(Duration.ofSeconds(20))
                .build()) {
            client.connect();
            String session = text(client.callTool("whoami", Map.of())).split(" ")[1];
            String getChannel = "mcp:stream:" + session + ":0";
            Poll.until("one instance holds the GET stream", () -> Stream.of(instances)
                    .anyMatch(i -> i.holds(getChannel)));
            int sent = 0;
            for (int round = 0; round < kills; round++) {
                for (int k = 0; k < perRound; k++) {
                    client.callTool("complete", Map.of("id", "e" + (++sent)));
                }
                Instance holder = Poll.value(
                        "the instance holding the GET stream",
                        () -> Stream.of(instances)
                                .filter(i -> i.holds(getChannel))
                                .findFirst()
                                .orElse(null),
                        h -> h != null,
                        Duration.ofSeconds(10));
                holder.stop(); // destroyed mid-stream: its connections are cut
                for (int k = 0; k < perRound; k++) { // sent while the client reconnects
                    client.callTool("complete", Map.of("id", "e" + (++sent)));
                }
                holder.start(); // back on the same port for the next round
            }
            int total = sent;
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                expected.add("e" + i);
            }
            try {
                Poll.value(
                        "messages arrived (of " + total + ")", received::size, n -> n >= total, Duration.ofSeconds(30));
            } catch (AssertionError e) {
                int first = 0;
                while (first < received.size() && received.get(first).equals(expected.get(first))) {
                    first++;
                }
                throw new AssertionError(e.getMessage() + "; in order up to e" + first + ", then "
                        + received.subList(first, Math.min(received.size(), first + 5)));
            }
            assertThat(received).as("every message once, in order").isEqualTo(expected);
            System.out.println("failover: " + kills + " kills of the GET-stream holder, " + total
                    + " messages, all once and in order");
        }
    }

    @Test
    @Timeout(120)
    void anElicitationAnsweredThroughTheOtherInstanceCompletesTheWaitingTool() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI a = instances[0].uri();
        URI b = instances[1].uri();
        HttpResponse<String> init = http.send(
                post(
                        a,
                        null,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{}},"
                                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(
                post(b, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<Stream<String>> stream = http.send(
                post(
                        a,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
                                + "\"name\":\"ask\",\"arguments\":{}}}"),
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = stream.body().iterator();
        JsonNode ask = nextMessage(lines);
        assertThat(ask.path("method").asString()).isEqualTo("elicitation/create");
        HttpResponse<String> answered = http.send(
                post(
                        b,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + ask.get("id") + ",\"result\":{\"action\":\"accept\","
                                + "\"content\":{\"name\":\"Ada\"}}}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(202);
        JsonNode result = nextMessage(lines);
        assertThat(result.path("id").asInt()).isEqualTo(2);
        assertThat(result.path("result").path("content").path(0).path("text").asString())
                .isEqualTo("hello Ada from instance-0");
        stream.body().close();
    }

    @Test
    @Timeout(120)
    void elicitationsThroughTheRoundRobinProxyAllComplete() throws Exception {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(nginx.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .elicitation(r -> ElicitResult.accept(Map.of("name", McpJson.parse("\"Ada\""))))
                .requestTimeout(Duration.ofSeconds(20))
                .build()) {
            client.connect();
            for (int i = 0; i < 6; i++) {
                assertThat(text(client.callTool("ask", Map.of()))).startsWith("hello Ada from instance-");
            }
        }
    }

    static HttpRequest post(URI uri, String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return b.build();
    }

    static JsonNode nextMessage(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")
                    && line.length() > 5
                    && !line.substring(5).isBlank()) {
                return McpJson.parse(line.substring(5).trim());
            }
        }
        throw new AssertionError("the stream ended");
    }

    static String text(CallToolResult r) {
        return McpJson.toTree(r).path("content").path(0).path("text").asString();
    }

    /** One jmcp instance: its own RedisScaleOut (pool, bus thread), McpServer and Jetty, on a fixed port. */
    static final class Instance {
        final int n;
        final int port;
        final String redisUri;
        RedisScaleOut redis;
        McpServer server;
        McpHttpServer http;

        Instance(int n, int port, String redisUri) {
            this.n = n;
            this.port = port;
            this.redisUri = redisUri;
        }

        void start() {
            redis = RedisScaleOut.builder().uri(redisUri).namespace(NAMESPACE).build();
            server = redis.configure(McpServer.builder().name("instance-" + n))
                    .tool(
                            Tool.builder("whoami", EMPTY).build(),
                            (req, ctx) -> CallToolResult.text("instance-" + n + " " + ctx.sessionId()))
                    .tool(Tool.builder("ask", EMPTY).build(), (req, ctx) -> {
                        var answer = ctx.elicit(FormElicitRequest.of(
                                "name?",
                                RequestedSchema.of(
                                        Map.of("name", StringSchema.builder().build()), List.of())));
                        return CallToolResult.text(
                                "hello " + answer.content().get("name").asString() + " from instance-" + n);
                    })
                    .tool(Tool.builder("complete", EMPTY).build(), (req, ctx) -> {
                        ctx.completeUrlElicitation(req.arguments().path("id").asString());
                        return CallToolResult.text("done");
                    })
                    .build();
            http = McpHttpServer.builder(server)
                    .port(port)
                    .servlet(s -> redis.configure(s).retryInterval(Duration.ofMillis(50)))
                    .start();
        }

        boolean holds(String channel) {
            RedisScaleOut r = redis;
            return r != null && http != null && r.messageBus().hasReceivers(channel);
        }

        URI uri() {
            return http.uri();
        }

        void stop() {
            McpHttpServer h = http;
            http = null;
            if (h != null) {
                h.close();
            }
            if (server != null) {
                server.close();
            }
            if (redis != null) {
                redis.close();
            }
        }
    }
}
