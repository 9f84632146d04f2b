package dev.jmcp.transport.http.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.ServerResourceTemplate;
import dev.jmcp.testsupport.Fuzz;
import dev.jmcp.testsupport.JsonMutations;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the Streamable HTTP endpoint of a real {@link McpServer} on embedded Jetty (both eras): random
 * methods, hostile and mutated headers ({@code Content-Type}, {@code Accept}, {@code MCP-Protocol-Version},
 * {@code Mcp-Session-Id}, {@code Mcp-Method}, {@code Mcp-Name}, {@code Last-Event-ID}, {@code Origin}) and
 * bodies (mutated MCP requests of both eras, batches, random JSON, random bytes).
 *
 * <p>Every answer must be a valid one: never a 5xx, never a hang (10 s per request); a JSON body is a JSON-RPC
 * message or batch, an SSE body carries only JSON-RPC messages, a 202 has no body. Afterwards the server still
 * serves a normal call. {@link Fuzz#inputs()} inputs (2,000 in the build, a million with {@code -Pfuzz}).
 */
class StreamableHttpEndpointFuzzTest {
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);
    private static final String[] VERSIONS = {"2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};

    private static McpServer server;
    private static McpHttpServer http;
    private static HttpClient client;
    private static URI uri;
    private static volatile String sessionId;
    private static final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = McpServer.builder()
                .name("fuzz")
                .version("1")
                .tool(
                        Tool.builder(
                                        "add",
                                        McpJson.parse(
                                                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},"
                                                        + "\"b\":{\"type\":\"number\"}},\"required\":[\"a\",\"b\"]}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text(
                                String.valueOf(req.arguments().get("a").doubleValue()
                                        + req.arguments().get("b").doubleValue())))
                .tool(
                        Tool.builder(
                                        "echo",
                                        McpJson.parse(
                                                "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}"))
                                .build(),
                        (req, ctx) -> {
                            ctx.log(dev.jmcp.core.protocol.logging.LoggingLevel.INFO, "echo", "called");
                            return CallToolResult.text(
                                    String.valueOf(req.arguments().get("text")));
                        })
                .resourceTemplate(new ServerResourceTemplate(
                        ResourceTemplate.builder("file:///{+path}{?rev}", "files")
                                .build(),
                        (req, ctx) -> ReadResourceResult.of(List.of(
                                TextResourceContents.of(req.uri(), "text/plain", String.valueOf(req.variables()))))))
                .prompt(new ServerPrompt(
                        Prompt.builder("greet")
                                .arguments(List.of(PromptArgument.required("name", "who")))
                                .build(),
                        (req, ctx) -> GetPromptResult.of(
                                null,
                                List.of(PromptMessage.of(
                                        Role.USER,
                                        TextContent.of(
                                                "Hello " + req.arguments().get("name"))))),
                        (req, ctx) -> Completion.of(List.of("Alice", "Bob"))))
                .build();
        // Fuzz inputs open sessions all the time (every nearly valid initialize): they expire after 5 s, and the
        // per-caller quota (everything comes from 127.0.0.1) is raised so that a million inputs do not hit it.
        http = McpHttpServer.builder(server)
                .host("127.0.0.1")
                .port(0)
                .servlet(s -> s.sessionIdleTimeout(Duration.ofSeconds(5))
                        .maxSessions(100_000)
                        .maxSessionsPerPrincipal(100_000))
                .start();
        uri = http.uri();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        sessionId = openSession();
    }

    /** Initializes a 2025-11-25 session and returns its id. */
    private static String openSession() {
        HttpResponse<String> init = send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INIT_2025)));
        String id = init.headers()
                .firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new AssertionError("initialize refused: " + init.statusCode() + " " + init.body()));
        send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
        return id;
    }

    @AfterAll
    static void stop() {
        System.out.println("[fuzz] HTTP endpoint outcomes: " + new TreeMap<>(outcomes));
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static final String INIT_2025 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"f\",\"version\":\"1\"}}}";

    private static final String META_2026 = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"f\",\"version\":\"1\"},"
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private static final List<String> BODIES = List.of(
            INIT_2025,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"},"
                    + META_2026 + "}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\",\"params\":{" + META_2026 + "}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///a/b?rev=3\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"prompts/get\",\"params\":{\"name\":\"greet\",\"arguments\":{\"name\":\"A\"},"
                    + META_2026 + "}}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\","
                    + "\"name\":\"greet\"},\"argument\":{\"name\":\"name\",\"value\":\"A\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":{\"cursor\":\"eyJvIjoxfQ\"}}",
            "[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":2}}",
            "{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"subscriptions/listen\",\"params\":{\"notifications\":{"
                    + "\"toolsListChanged\":true}," + META_2026 + "}}",
            "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":1,"
                    + "\"b\":2},\"task\":{\"ttl\":1000}}}");

    private static final String[] GARBAGE = {
        "", " ", "\u0000", "null", "a\u00e9b", "x".repeat(300), "\r\nInjected: 1", "../../etc", "*", "2026-07-28 ", "😀"
    };

    @Test
    void everyAnswerIsAValidResponseOrAClearErrorAndNothingHangs() throws InterruptedException {
        long n = Fuzz.runConcurrently(
                "Streamable HTTP endpoint", 4, StreamableHttpEndpointFuzzTest::input, this::answersCleanly);
        assertThat(n).isPositive();
        // The server is still well: a normal call in a new session.
        sessionId = openSession();
        HttpResponse<String> ok = send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", sessionId)
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(BODIES.get(1))));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("3.0");
    }

    /** One HTTP exchange to make. */
    record Input(String method, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return method + " " + headers + " " + Fuzz.describe(body);
        }
    }

    static Input input(SplittableRandom r) {
        return r.nextInt(10) < 7 ? nearlyValid(r) : hostile(r);
    }

    /** A request with the headers its era needs, then at most one header changed and the body maybe mutated. */
    static Input nearlyValid(SplittableRandom r) {
        String body = BODIES.get(r.nextInt(BODIES.size()));
        boolean modern = body.contains("io.modelcontextprotocol/protocolVersion");
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json, text/event-stream");
        if (modern) {
            h.put("MCP-Protocol-Version", "2026-07-28");
            JsonRpcFields fields = JsonRpcFields.of(body);
            if (fields.method() != null) {
                h.put("Mcp-Method", fields.method());
            }
            if (fields.name() != null) {
                h.put("Mcp-Name", fields.name());
            }
        } else if (!body.contains("\"initialize\"")) {
            h.put("MCP-Protocol-Version", "2025-11-25");
            h.put("Mcp-Session-Id", sessionId);
        }
        if (r.nextInt(3) == 0) {
            String name = Fuzz.oneOf(
                    r,
                    "Content-Type",
                    "Accept",
                    "MCP-Protocol-Version",
                    "Mcp-Session-Id",
                    "Mcp-Method",
                    "Mcp-Name",
                    "Last-Event-ID",
                    "Origin");
            if (r.nextBoolean()) {
                h.remove(name);
            } else {
                h.put(name, Fuzz.oneOf(r, GARBAGE));
            }
        }
        h.values().removeIf(v -> v.isEmpty() || v.chars().anyMatch(c -> c < 0x20 || c > 0x7e));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Input("POST", h, r.nextInt(5) < 2 ? bytes : JsonMutations.mutate(r, bytes));
    }

    /** Any method, random headers, any body. */
    static Input hostile(SplittableRandom r) {
        int pick = r.nextInt(20);
        String method = pick == 0 ? "GET" : pick == 1 ? "DELETE" : pick == 2 ? "PUT" : "POST";
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (r.nextInt(10) > 0) {
            h.put(
                    "Content-Type",
                    Fuzz.oneOf(
                            r,
                            "application/json",
                            "application/json; charset=utf-8",
                            "text/plain",
                            "application/json; charset=latin1",
                            "application/jsonx",
                            "*/*",
                            Fuzz.oneOf(r, GARBAGE)));
        }
        if (r.nextInt(10) > 0) {
            h.put(
                    "Accept",
                    Fuzz.oneOf(
                            r,
                            "application/json, text/event-stream",
                            "application/json",
                            "text/event-stream",
                            "*/*",
                            "text/html",
                            "application/*, text/*",
                            Fuzz.oneOf(r, GARBAGE)));
        }
        if (r.nextInt(3) > 0) {
            h.put("MCP-Protocol-Version", r.nextInt(5) > 0 ? Fuzz.oneOf(r, VERSIONS) : Fuzz.oneOf(r, GARBAGE));
        }
        if (r.nextInt(2) == 0) {
            h.put("Mcp-Session-Id", r.nextInt(3) > 0 ? sessionId : Fuzz.oneOf(r, GARBAGE));
        }
        if (r.nextInt(4) == 0) {
            h.put("Mcp-Method", Fuzz.oneOf(r, "tools/call", "server/discover", "ping", Fuzz.oneOf(r, GARBAGE)));
        }
        if (r.nextInt(4) == 0) {
            h.put("Mcp-Name", Fuzz.oneOf(r, "add", "echo", "greet", "=?base64?YWRk?=", Fuzz.oneOf(r, GARBAGE)));
        }
        if (r.nextInt(8) == 0) {
            h.put("Last-Event-ID", Fuzz.oneOf(r, "0", "1-1", "abc:99", Fuzz.oneOf(r, GARBAGE)));
        }
        if (r.nextInt(8) == 0) {
            h.put("Origin", Fuzz.oneOf(r, "http://127.0.0.1", "http://evil.example", "null", Fuzz.oneOf(r, GARBAGE)));
        }
        h.values().removeIf(v -> v.isEmpty() || v.chars().anyMatch(c -> c < 0x20 || c > 0x7e));
        byte[] body =
                switch (r.nextInt(4)) {
                    case 0 -> Fuzz.bytes(r, 300);
                    case 1 -> JsonMutations.json(r, 4).getBytes(StandardCharsets.UTF_8);
                    default ->
                        JsonMutations.mutate(
                                r, BODIES.get(r.nextInt(BODIES.size())).getBytes(StandardCharsets.UTF_8));
                };
        return new Input(method, h, body);
    }

    /** The method and the tool, prompt or resource name of a seed body, for the 2026-07-28 mirror headers. */
    record JsonRpcFields(String method, String name) {
        static JsonRpcFields of(String body) {
            tools.jackson.databind.JsonNode node = McpJson.parse(body);
            String method = node.path("method").asString(null);
            tools.jackson.databind.JsonNode params = node.path("params");
            String name = params.path("name").asString(null);
            if (name == null) {
                name = params.path("uri").asString(null);
            }
            return new JsonRpcFields(method, method != null && method.equals("server/discover") ? null : name);
        }
    }

    private final ThreadLocal<Input> previous = new ThreadLocal<>();

    private void answersCleanly(Input input) {
        Input before = previous.get();
        previous.set(input);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_LIMIT);
        input.headers().forEach(b::setHeader);
        b.method(input.method(), HttpRequest.BodyPublishers.ofByteArray(input.body()));
        HttpResponse<InputStream> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + REQUEST_LIMIT.toSeconds() + " s");
        } catch (Exception e) {
            throw new AssertionError("exchange failed: " + e + " (the input before: " + before + ")", e);
        }
        int status = response.statusCode();
        outcomes.computeIfAbsent(input.method() + " " + status + "", k -> new AtomicLong())
                .incrementAndGet();
        assertThat(status).as("status").isBetween(200, 499);
        boolean ours = sessionId.equals(input.headers().get("Mcp-Session-Id"));
        if (ours && ((input.method().equals("DELETE") && status == 200) || status == 404)) {
            sessionId = openSession(); // the fuzz ended (or let expire) its session: go on with a new one
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            if (type.startsWith("text/event-stream")) {
                if (input.method().equals("GET")) {
                    return; // a standalone stream stays open by design: it answered, that is all we check
                }
                // subscriptions/listen stays open by design: its acknowledgement is what it owes us
                boolean endless = input.headers().getOrDefault("Mcp-Method", "").equals("subscriptions/listen")
                        || new String(input.body(), StandardCharsets.UTF_8).contains("subscriptions/listen");
                for (String data : FuzzInputs.sseData(in, REQUEST_LIMIT, endless ? 1 : Integer.MAX_VALUE)) {
                    assertValidJsonRpc(data.getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            byte[] body = FuzzInputs.readBounded(in, REQUEST_LIMIT);
            if (status == 202) {
                assertThat(body).as("202 body").isEmpty();
            } else if (type.startsWith("application/json") && body.length > 0) {
                List<JsonRpcMessage> messages = assertValidJsonRpc(body);
                if (status >= 400) {
                    assertThat(messages).allMatch(m -> m instanceof JsonRpcErrorResponse);
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("reading the answer failed: " + e, e);
        }
    }

    private static List<JsonRpcMessage> assertValidJsonRpc(byte[] bytes) {
        try {
            return new ArrayList<>(JsonRpcCodec.defaults().decodeAll(bytes));
        } catch (JsonRpcCodecException e) {
            throw new AssertionError("not a JSON-RPC message: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.timeout(REQUEST_LIMIT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
