package dev.jmcp.transport.http.protocol;

import dev.jmcp.core.McpJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Raw Streamable HTTP exchanges for the protocol tests: 2026-07-28 stateless POSTs and handshake sessions. */
final class Wire {
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong IDS = new AtomicLong(100);

    private Wire() {}

    /** Every JSON-RPC message of a response body (plain JSON or an SSE stream). */
    static List<JsonNode> messages(String body) {
        List<JsonNode> out = new ArrayList<>();
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            out.add(McpJson.parse(trimmed));
            return out;
        }
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && data.length() > 0) {
                out.add(McpJson.parse(data.toString()));
                data.setLength(0);
            }
        }
        if (data.length() > 0) {
            out.add(McpJson.parse(data.toString()));
        }
        return out;
    }

    /** The response (with {@code result} or {@code error}) among {@code messages}. */
    static JsonNode response(List<JsonNode> messages) {
        return messages.stream()
                .filter(m -> m.has("result") || m.has("error"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no response in " + messages));
    }

    /** The params of a 2026-07-28 request: {@code paramsJson} plus the {@code _meta} envelope. */
    static ObjectNode params26(String paramsJson, String capabilitiesJson) {
        ObjectNode p = paramsJson == null ? McpJson.object() : (ObjectNode) McpJson.parse(paramsJson);
        ObjectNode meta = p.has("_meta") ? (ObjectNode) p.get("_meta") : p.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.set("io.modelcontextprotocol/clientCapabilities", McpJson.parse(capabilitiesJson));
        meta.set("io.modelcontextprotocol/clientInfo", McpJson.parse("{\"name\":\"wire\",\"version\":\"1\"}"));
        return p;
    }

    /** A 2026-07-28 stateless POST; returns the JSON-RPC response. */
    static JsonNode call26(URI uri, String method, String paramsJson, String capabilitiesJson) throws Exception {
        return response(exchange26(uri, method, params26(paramsJson, capabilitiesJson)));
    }

    /** A 2026-07-28 stateless POST; returns every message of the answer. */
    static List<JsonNode> exchange26(URI uri, String method, JsonNode params) throws Exception {
        HttpRequest.Builder b = post(uri, body(method, params))
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", method);
        String name = mcpName(method, params);
        if (name != null) {
            b.header("Mcp-Name", name);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return messages(r.body());
    }

    static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String body(String method, JsonNode params) {
        ObjectNode req = McpJson.object();
        req.put("jsonrpc", "2.0");
        req.put("id", IDS.incrementAndGet());
        req.put("method", method);
        if (params != null) {
            req.set("params", params);
        }
        return McpJson.write(req);
    }

    private static String mcpName(String method, JsonNode params) {
        return switch (method) {
            case "tools/call", "prompts/get" -> params.path("name").asString(null);
            case "resources/read" -> params.path("uri").asString(null);
            default -> null;
        };
    }

    /** A handshake-era session over Streamable HTTP. */
    static final class Session {
        final URI uri;
        final String id;
        final String version;
        final JsonNode initializeResult;

        private Session(URI uri, String id, String version, JsonNode initializeResult) {
            this.uri = uri;
            this.id = id;
            this.version = version;
            this.initializeResult = initializeResult;
        }

        /** Initializes a session at {@code version} with {@code capabilitiesJson}. */
        static Session open(URI uri, String version, String capabilitiesJson) throws Exception {
            ObjectNode p = McpJson.object();
            p.put("protocolVersion", version);
            p.set("capabilities", McpJson.parse(capabilitiesJson));
            p.set("clientInfo", McpJson.parse("{\"name\":\"wire\",\"version\":\"1\"}"));
            HttpResponse<String> r =
                    HTTP.send(post(uri, body("initialize", p)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode response = response(messages(r.body()));
            String id = r.headers().firstValue("Mcp-Session-Id").orElse(null);
            Session s = new Session(uri, id, version, response.get("result"));
            s.notify("notifications/initialized");
            return s;
        }

        HttpRequest.Builder request(String body) {
            HttpRequest.Builder b = post(uri, body).header("MCP-Protocol-Version", version);
            if (id != null) {
                b.header("Mcp-Session-Id", id);
            }
            return b;
        }

        void notify(String method) throws Exception {
            ObjectNode n = McpJson.object();
            n.put("jsonrpc", "2.0");
            n.put("method", method);
            HTTP.send(request(McpJson.write(n)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A request; returns every message of the answer. */
        List<JsonNode> exchange(String method, String paramsJson) throws Exception {
            JsonNode params = paramsJson == null ? null : McpJson.parse(paramsJson);
            HttpResponse<String> r =
                    HTTP.send(request(body(method, params)).build(), HttpResponse.BodyHandlers.ofString());
            return messages(r.body());
        }

        /** A request; returns its JSON-RPC response. */
        JsonNode call(String method, String paramsJson) throws Exception {
            return response(exchange(method, paramsJson));
        }
    }
}
