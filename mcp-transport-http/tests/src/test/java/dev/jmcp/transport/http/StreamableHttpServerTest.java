package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.HttpTestSupport.delete;
import static dev.jmcp.transport.http.HttpTestSupport.get;
import static dev.jmcp.transport.http.HttpTestSupport.initialize;
import static dev.jmcp.transport.http.HttpTestSupport.initializeBody;
import static dev.jmcp.transport.http.HttpTestSupport.post;
import static dev.jmcp.transport.http.HttpTestSupport.rawStatus;
import static dev.jmcp.transport.http.HttpTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import dev.jmcp.transport.http.servlet.internal.ServerTransport;
import java.net.URI;
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

/** The servlet on Jetty, driven with raw HTTP. */
@Timeout(30)
class StreamableHttpServerTest {
    private final FakeServer fake = new FakeServer();
    private final List<McpHttpServer> servers = new ArrayList<>();

    private URI start(Consumer<McpHttpServlet.Builder> config) {
        McpHttpServer http = McpHttpServer.builder(fake)
                .host("127.0.0.1")
                .port(0)
                .path("/mcp")
                .servlet(s -> {
                    s.retryInterval(Duration.ofMillis(200));
                    config.accept(s);
                })
                .start();
        servers.add(http);
        return http.uri();
    }

    private URI start() {
        return start(s -> {});
    }

    @AfterEach
    void stop() {
        servers.forEach(McpHttpServer::close);
    }

    private static Map<String, String> session(String id) {
        return Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", "2025-11-25");
    }

    @Test
    void initializeAssignsDistinctRandomVisibleAsciiSessionIds() throws Exception {
        URI uri = start();
        String a = initialize(uri);
        String b = initialize(uri);
        assertThat(a).isNotEqualTo(b).hasSizeGreaterThanOrEqualTo(32);
        assertThat(a.chars()).allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    @Test
    void requestWithoutSessionIs400AndUnknownSessionIs404() throws Exception {
        URI uri = start();
        initialize(uri);
        assertThat(post(uri, request(2, "tools/list", "{}"), Map.of()).statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = post(uri, request(2, "tools/list", "{}"), session("no-such-session"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(McpJson.parse(unknown.body()).get("id").intValue()).isEqualTo(2);
    }

    @Test
    void deleteEndsTheSession() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        assertThat(delete(uri, session(id)).statusCode()).isEqualTo(200);
        assertThat(post(uri, request(2, "tools/list", "{}"), session(id)).statusCode())
                .isEqualTo(404);
        assertThat(delete(uri, session(id)).statusCode()).isEqualTo(404);
    }

    @Test
    void unsupportedVersionHeaderIs400ButAnySupportedVersionIsAccepted() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        assertThat(post(
                                uri,
                                request(2, "tools/list", "{}"),
                                Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", "1999-01-01"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> older = post(
                uri,
                request(3, "tools/list", "{}"),
                Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", "2025-03-26"));
        assertThat(older.statusCode()).isEqualTo(200);
    }

    @Test
    void notificationsAndResponsesGet202() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        assertThat(post(uri, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session(id))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(uri, "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}", session(id))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void plainRequestIsAnsweredWithJsonEchoingTheNumericId() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        HttpResponse<String> r = post(uri, request(7, "echo", "{\"a\":1}"), session(id));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = McpJson.parse(r.body());
        assertThat(body.get("id").isIntegralNumber()).isTrue();
        assertThat(body.get("id").intValue()).isEqualTo(7);
    }

    @Test
    void requestEmittingProgressIsAnsweredWithPrimedSseAndTheResultLast() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        HttpResponse<String> r = post(uri, request(5, "progress", "{\"_meta\":{\"progressToken\":5}}"), session(id));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        String[] events = r.body().split("\n\n");
        assertThat(events[0]).startsWith("id: ").contains("\nretry: 200").endsWith("data: ");
        List<String> data = new ArrayList<>();
        for (String e : events) {
            for (String line : e.split("\n")) {
                if (line.startsWith("data: ") && line.length() > 6) {
                    data.add(line.substring(6));
                }
            }
        }
        assertThat(data).hasSize(4);
        assertThat(data.subList(0, 3)).allMatch(d -> d.contains("notifications/progress"));
        assertThat(McpJson.parse(data.get(3)).get("id").intValue()).isEqualTo(5);
    }

    @Test
    void dnsRebindingAttemptIsRefusedAndLoopbackHostIsAccepted() throws Exception {
        URI uri = start();
        String body = initializeBody(1, "2025-11-25");
        Map<String, String> evil = new LinkedHashMap<>();
        evil.put("Host", "evil.example.com");
        evil.put("Origin", "http://evil.example.com");
        evil.put("Content-Type", "application/json");
        evil.put("Accept", HttpTestSupport.ACCEPT);
        assertThat(rawStatus(uri, "POST", evil, body)).isEqualTo(403);

        Map<String, String> good = new LinkedHashMap<>(evil);
        good.put("Host", "127.0.0.1:" + uri.getPort());
        good.put("Origin", "http://127.0.0.1:" + uri.getPort());
        assertThat(rawStatus(uri, "POST", good, body)).isEqualTo(200);

        Map<String, String> localhost = new LinkedHashMap<>(good);
        localhost.put("Host", "localhost:" + uri.getPort());
        localhost.remove("Origin");
        assertThat(rawStatus(uri, "POST", localhost, body)).isEqualTo(200);

        Map<String, String> foreignOrigin = new LinkedHashMap<>(good);
        foreignOrigin.put("Origin", "https://attacker.example");
        assertThat(rawStatus(uri, "POST", foreignOrigin, body)).isEqualTo(403);
    }

    @Test
    void allowListAdmitsAConfiguredHostAndOrigin() throws Exception {
        URI uri = start(
                s -> s.allowedHosts(List.of("mcp.example.com")).allowedOrigins(List.of("https://app.example.com")));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "mcp.example.com");
        h.put("Origin", "https://app.example.com");
        h.put("Content-Type", "application/json");
        h.put("Accept", HttpTestSupport.ACCEPT);
        assertThat(rawStatus(uri, "POST", h, initializeBody(1, "2025-11-25"))).isEqualTo(200);
        h.put("Host", "other.example.com");
        assertThat(rawStatus(uri, "POST", h, initializeBody(1, "2025-11-25"))).isEqualTo(403);
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        URI uri = start(s -> s.maxRequestBytes(2000));
        String id = initialize(uri);
        String big = request(2, "echo", "{\"x\":\"" + "z".repeat(5000) + "\"}");
        assertThat(post(uri, big, session(id)).statusCode()).isEqualTo(413);
    }

    @Test
    void garbageIsRefusedWithClientErrors() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        HttpResponse<String> notJson = post(uri, "{not json", session(id));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(McpJson.parse(notJson.body()).get("error").get("code").intValue())
                .isEqualTo(-32700);
        assertThat(post(uri, "[]", session(id)).statusCode()).isEqualTo(400);
        assertThat(post(uri, request(2, "echo", "{}"), Map.of("Mcp-Session-Id", id, "Content-Type", "text/plain"))
                        .statusCode())
                .isEqualTo(415);
        assertThat(post(uri, request(2, "echo", "{}"), Map.of("Mcp-Session-Id", id, "Accept", "text/html"))
                        .statusCode())
                .isEqualTo(406);
        assertThat(get(uri, Map.of("Mcp-Session-Id", id, "Last-Event-ID", "garbage"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(get(uri, Map.of("Mcp-Session-Id", id, "Last-Event-ID", "99_1"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(rawStatus(uri, "PUT", Map.of("Host", "127.0.0.1"), "")).isEqualTo(405);
    }

    @Test
    void streamClosedEarlyIsResumedWithLastEventId() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        HttpResponse<String> r = post(uri, request(1, "reconnect", "{}"), session(id));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("resumed");
        String lastId = null;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("id: ")) {
                lastId = line.substring(4);
            }
        }
        assertThat(lastId).isNotNull();
        Map<String, String> h = new LinkedHashMap<>(session(id));
        h.put("Last-Event-ID", lastId);
        HttpResponse<String> resumed = get(uri, h);
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.body()).contains("\"resumed\":true").contains("\"id\":1");
    }

    @Test
    void finishedStreamsKeepNoObjectsButTheirSseEventsCanStillBeResumed() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        for (int i = 10; i < 15; i++) {
            assertThat(post(uri, request(i, "echo", "{}"), session(id)).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> sse = post(uri, request(5, "progress", "{\"_meta\":{\"progressToken\":5}}"), session(id));
        assertThat(sse.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        ServerTransport transport = (ServerTransport) fake.transports.get(fake.transports.size() - 1);
        assertThat(transport.retainedStreams()).isZero();
        String firstId = null;
        for (String line : sse.body().split("\n")) {
            if (line.startsWith("id: ") && firstId == null) {
                firstId = line.substring(4);
            }
        }
        Map<String, String> h = new LinkedHashMap<>(session(id));
        h.put("Last-Event-ID", firstId);
        HttpResponse<String> resumed = get(uri, h);
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.body()).contains("notifications/progress").contains("\"id\":5");
    }

    @Test
    void concurrentPostStreamsAllSucceed() throws Exception {
        URI uri = start();
        String id = initialize(uri);
        Map<String, String> h = Map.of(
                "Mcp-Session-Id",
                id,
                "MCP-Protocol-Version",
                "2025-03-26",
                "Accept",
                "text/event-stream, application/json");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = 1000 + i;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(uri, request(n, "progress", "{\"_meta\":{\"progressToken\":" + n + "}}"), h);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = calls.get(i).get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"id\":" + (1000 + i));
        }
    }

    @Test
    void statelessModeServesEveryPostWithoutSession() throws Exception {
        URI uri = start(s -> s.stateless(true));
        HttpResponse<String> r = post(uri, request(3, "tools/list", "{}"), Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(McpJson.parse(r.body()).get("result").has("tools")).isTrue();
        assertThat(get(uri, Map.of()).statusCode()).isEqualTo(405);
        assertThat(fake.sessions).allMatch(s -> !s.isOpen() || s.name().equals("fake-stateless"));
    }

    @Test
    void era2026RequestNeedsNoSessionAndHeadersMustMatchTheBody() throws Exception {
        URI uri = start();
        String meta = "{\"name\":\"t1\",\"_meta\":" + META_2026 + "}";
        Map<String, String> h = new LinkedHashMap<>();
        h.put("MCP-Protocol-Version", "2026-07-28");
        h.put("Mcp-Method", "echo");
        HttpResponse<String> ok = post(uri, request(4, "echo", meta), h);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(McpJson.parse(ok.body()).get("result").get("name").asString())
                .isEqualTo("t1");
        assertThat(fake.sessions).anyMatch(s -> s.name().equals("fake-stateless"));

        h.put("Mcp-Method", "tools/list");
        HttpResponse<String> wrongMethod = post(uri, request(5, "echo", meta), h);
        assertThat(wrongMethod.statusCode()).isEqualTo(400);
        assertThat(McpJson.parse(wrongMethod.body()).get("error").get("code").intValue())
                .isEqualTo(-32020);

        String call = "{\"name\":\"add\",\"_meta\":" + META_2026 + "}";
        h.put("Mcp-Method", "tools/call");
        h.put("Mcp-Name", "subtract");
        HttpResponse<String> wrongName = post(uri, request(6, "tools/call", call), h);
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(McpJson.parse(wrongName.body()).get("error").get("code").intValue())
                .isEqualTo(-32020);

        h.remove("Mcp-Name");
        h.put("MCP-Protocol-Version", "2025-11-25");
        h.put("Mcp-Method", "echo");
        HttpResponse<String> versionMismatch = post(uri, request(7, "echo", meta), h);
        assertThat(versionMismatch.statusCode()).isEqualTo(400);
        assertThat(McpJson.parse(versionMismatch.body())
                        .get("error")
                        .get("code")
                        .intValue())
                .isEqualTo(-32020);
    }

    private static final String META_2026 = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private static Map<String, String> headers2026(String method) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("MCP-Protocol-Version", "2026-07-28");
        h.put("Mcp-Method", method);
        return h;
    }

    private static int code(HttpResponse<String> r) {
        return McpJson.parse(r.body()).get("error").get("code").intValue();
    }

    @Test
    void era2026RequestsNeedTheStandardHeaders() throws Exception {
        URI uri = start();
        HttpResponse<String> noMethod = post(
                uri, request(1, "echo", "{\"_meta\":" + META_2026 + "}"), Map.of("MCP-Protocol-Version", "2026-07-28"));
        assertThat(noMethod.statusCode()).isEqualTo(400);
        assertThat(code(noMethod)).isEqualTo(-32020);

        String call = "{\"name\":\"add\",\"_meta\":" + META_2026 + "}";
        HttpResponse<String> noName = post(uri, request(2, "tools/call", call), headers2026("tools/call"));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(code(noName)).isEqualTo(-32020);

        HttpResponse<String> lowerCaseName = post(
                uri,
                request(3, "echo", "{\"_meta\":" + META_2026 + "}"),
                Map.of("MCP-Protocol-Version", "2026-07-28", "mcp-method", "echo"));
        assertThat(lowerCaseName.statusCode()).isEqualTo(200);
    }

    @Test
    void era2026EnvelopeErrorsAre400WithTheRequestId() throws Exception {
        URI uri = start();
        HttpResponse<String> noMeta = post(uri, request(101, "echo", "{}"), headers2026("echo"));
        assertThat(noMeta.statusCode()).isEqualTo(400);
        assertThat(code(noMeta)).isEqualTo(-32602);
        assertThat(McpJson.parse(noMeta.body()).get("id").intValue()).isEqualTo(101);

        String noCaps = "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}";
        HttpResponse<String> missingCaps = post(uri, request(102, "echo", noCaps), headers2026("echo"));
        assertThat(missingCaps.statusCode()).isEqualTo(400);
        assertThat(code(missingCaps)).isEqualTo(-32602);

        // an unknown version in both the header and _meta reaches the server (which answers -32022)
        String unknown = "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"v999\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}";
        Map<String, String> h = headers2026("echo");
        h.put("MCP-Protocol-Version", "v999");
        HttpResponse<String> passed = post(uri, request(103, "echo", unknown), h);
        assertThat(passed.statusCode()).isEqualTo(200);
    }

    @Test
    void era2026ErrorsCarryTheHttpStatusOfTheirCode() throws Exception {
        URI uri = start();
        HttpResponse<String> unknownMethod =
                post(uri, request(1, "no/such/method", "{\"_meta\":" + META_2026 + "}"), headers2026("no/such/method"));
        assertThat(unknownMethod.statusCode()).isEqualTo(404);
        assertThat(code(unknownMethod)).isEqualTo(-32601);
        assertThat(McpJson.parse(unknownMethod.body()).get("id").intValue()).isEqualTo(1);

        Map<Integer, Integer> expected = Map.of(-32021, 400, -32022, 400, -32600, 400, -32602, 200, -32603, 200);
        for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
            String params = "{\"code\":" + e.getKey() + ",\"_meta\":" + META_2026 + "}";
            HttpResponse<String> r = post(uri, request(2, "fail", params), headers2026("fail"));
            assertThat(r.statusCode()).as("status of %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(code(r)).isEqualTo(e.getKey());
        }

        // the handshake era keeps JSON-RPC errors in-band
        String id = initialize(uri);
        HttpResponse<String> inBand = post(uri, request(3, "no/such/method", "{}"), session(id));
        assertThat(inBand.statusCode()).isEqualTo(200);
    }

    @Test
    void idleSessionsExpire() throws Exception {
        URI uri = start(s -> s.sessionIdleTimeout(Duration.ofMillis(150)).keepAliveInterval(Duration.ofMillis(50)));
        String id = initialize(uri);
        fake.sessions.get(0).closeFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(post(uri, request(2, "echo", "{}"), session(id)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void sessionCountIsBounded() throws Exception {
        URI uri = start(s -> s.maxSessions(2));
        initialize(uri);
        initialize(uri);
        assertThat(post(uri, initializeBody(1, "2025-11-25"), Map.of()).statusCode())
                .isEqualTo(503);
    }

    @Test
    void slowStandaloneConsumerIsCutOffInsteadOfBufferingWithoutBound() throws Exception {
        URI uri = start(s -> s.maxQueuedBytesPerStream(64 * 1024));
        String id = initialize(uri);
        // open the GET stream on a raw socket and never read from it
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setReceiveBufferSize(4096);
            String req = "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort() + "\r\nAccept: text/event-stream\r\n"
                    + "Mcp-Session-Id: " + id + "\r\n\r\n";
            socket.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ServerTransport transport = (ServerTransport) fake.transports.get(0);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (transport.isIdle() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(transport.isIdle()).isFalse();
            HttpResponse<String> r = post(uri, request(2, "flood", "{\"count\":400,\"size\":50000}"), session(id));
            assertThat(r.statusCode()).isEqualTo(200);
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!transport.isIdle() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(transport.isIdle())
                    .as("the stalled GET connection was closed")
                    .isTrue();
        }
    }
}
