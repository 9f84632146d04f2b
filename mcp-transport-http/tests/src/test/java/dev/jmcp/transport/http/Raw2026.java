package dev.jmcp.transport.http;

import dev.jmcp.core.McpJson;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Raw 2026-07-28 requests over HTTP: the {@code _meta} envelope, the standard headers, JSON or SSE answers. */
final class Raw2026 {
    static final String VERSION = "2026-07-28";
    /** Client capabilities with elicitation and the tasks extension. */
    static final String CAPS = "{\"elicitation\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";

    private static final AtomicLong IDS = new AtomicLong(100);

    private Raw2026() {}

    /** Params with the 2026-07-28 {@code _meta} envelope added. */
    static ObjectNode params(String json) {
        ObjectNode p = (ObjectNode) McpJson.parse(json);
        ObjectNode meta = p.withObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", VERSION);
        meta.set("io.modelcontextprotocol/clientCapabilities", McpJson.parse(CAPS));
        meta.set("io.modelcontextprotocol/clientInfo", McpJson.parse("{\"name\":\"raw\",\"version\":\"1\"}"));
        return p;
    }

    /** Sends one request and returns the JSON-RPC response (with {@code result} or {@code error}). */
    static JsonNode send(URI uri, String token, String method, ObjectNode params) throws Exception {
        long id = IDS.incrementAndGet();
        ObjectNode body = McpJson.object();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("method", method);
        body.set("params", params);
        Map<String, String> headers = new HashMap<>();
        headers.put("MCP-Protocol-Version", VERSION);
        headers.put("Mcp-Method", method);
        JsonNode name = params.has("name") ? params.get("name") : params.get("uri");
        if (name != null && !method.startsWith("tasks/")) {
            headers.put("Mcp-Name", name.asString());
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HttpTestSupport.post(uri, McpJson.write(body), headers);
        return parse(r);
    }

    /** The result of a request that must succeed. */
    static JsonNode result(URI uri, String token, String method, ObjectNode params) throws Exception {
        JsonNode response = send(uri, token, method, params);
        if (!response.has("result")) {
            throw new AssertionError("expected a result, got " + response);
        }
        return response.get("result");
    }

    /** The error of a request that must fail. */
    static JsonNode error(URI uri, String token, String method, ObjectNode params) throws Exception {
        JsonNode response = send(uri, token, method, params);
        if (!response.has("error")) {
            throw new AssertionError("expected an error, got " + response);
        }
        return response.get("error");
    }

    private static JsonNode parse(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            return McpJson.parse(r.body());
        }
        JsonNode last = null;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data:")) {
                JsonNode n = McpJson.parse(line.substring(5).strip());
                if (n.has("id") && (n.has("result") || n.has("error"))) {
                    last = n;
                }
            }
        }
        if (last == null) {
            throw new AssertionError("no response in the event stream: " + r.body());
        }
        return last;
    }
}
