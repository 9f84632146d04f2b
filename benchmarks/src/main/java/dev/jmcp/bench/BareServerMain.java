package dev.jmcp.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The floor: a plain blocking servlet on {@link JettyHost} that answers just enough JSON-RPC for the benchmark
 * (initialize with a session id, server/discover, notifications → 202, ping, tools/list, tools/call) with Jackson 3 and no MCP
 * library. Responses are single JSON bodies. No schema validation, no batching, no GET stream.
 */
public final class BareServerMain {
    private BareServerMain() {}

    /** Starts the server and blocks. Argument: {@code [port]}. */
    public static void main(String[] args) throws Exception {
        JettyHost.serve("bare", JettyHost.port(args), new BareServlet());
    }

    static final class BareServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private static final JsonNode SCHEMA = JSON.readTree(Work.INPUT_SCHEMA);
        private final transient Set<String> sessions = ConcurrentHashMap.newKeySet();

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            JsonNode msg;
            try {
                msg = JSON.readTree(req.getInputStream());
            } catch (RuntimeException e) {
                resp.sendError(400);
                return;
            }
            String method = msg.path("method").asString("");
            String session = req.getHeader("Mcp-Session-Id");
            if (session != null && !sessions.contains(session)) {
                resp.sendError(404);
                return;
            }
            JsonNode id = msg.get("id");
            if (id == null) {
                resp.setStatus(202);
                return;
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("jsonrpc", "2.0");
            out.set("id", id);
            JsonNode params = msg.path("params");
            switch (method) {
                case "initialize" -> {
                    String sid = UUID.randomUUID().toString();
                    sessions.add(sid);
                    resp.setHeader("Mcp-Session-Id", sid);
                    ObjectNode result = out.putObject("result");
                    result.put("protocolVersion", params.path("protocolVersion").asString("2025-06-18"));
                    result.putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "bench-bare").put("version", "1.0.0");
                }
                case "server/discover" -> { // 2026-07-28 clients (mcp-loadtest in stateless mode) ask this first
                    ObjectNode result = out.putObject("result");
                    result.putArray("supportedVersions").add("2026-07-28").add("2025-11-25");
                    result.putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "bench-bare").put("version", "1.0.0");
                }
                case "ping" -> out.putObject("result");
                case "tools/list" -> {
                    ArrayNode tools = out.putObject("result").putArray("tools");
                    tools.addObject()
                            .put("name", "echo")
                            .put("description", "Echoes the message")
                            .set("inputSchema", SCHEMA);
                    tools.addObject()
                            .put("name", "work")
                            .put("description", "Burns ~0.5 ms of CPU, then echoes")
                            .set("inputSchema", SCHEMA);
                }
                case "tools/call" -> {
                    String name = params.path("name").asString("");
                    String message = params.path("arguments").path("message").asString(null);
                    if (message == null || !(name.equals("echo") || name.equals("work"))) {
                        ObjectNode error = out.putObject("error");
                        error.put("code", -32602);
                        error.put("message", "Invalid params");
                    } else {
                        String text = name.equals("echo") ? Work.echo(message) : Work.work(message);
                        ObjectNode result = out.putObject("result");
                        result.putArray("content")
                                .addObject()
                                .put("type", "text")
                                .put("text", text);
                        result.put("isError", false);
                    }
                }
                default -> {
                    ObjectNode error = out.putObject("error");
                    error.put("code", -32601);
                    error.put("message", "Method not found: " + method);
                }
            }
            byte[] body = JSON.writeValueAsBytes(out);
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }

        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
            String session = req.getHeader("Mcp-Session-Id");
            resp.setStatus(session != null && sessions.remove(session) ? 200 : 404);
        }
    }
}
