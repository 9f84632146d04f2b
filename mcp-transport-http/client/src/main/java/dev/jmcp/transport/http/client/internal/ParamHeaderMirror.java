package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.ParamHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The client side of SEP-2243 custom headers: learns each tool's {@code x-mcp-header} declarations from the
 * {@code tools/list} results that pass through the transport, and adds an {@code Mcp-Param-<name>} header for
 * every annotated argument of a {@code tools/call} (omitted when the argument is absent or null). A tool that was
 * never listed through this transport gets no such headers (a server that needs them answers HeaderMismatch).
 */
public final class ParamHeaderMirror {
    private static final int MAX_TOOLS = 10_000;

    private final Map<RequestId, Boolean> listRequests = new ConcurrentHashMap<>();
    private final Map<String, List<ParamHeaders.Declaration>> byTool = new ConcurrentHashMap<>();

    /** Remembers that the answer to {@code id} is a {@code tools/list} result. */
    public void expectToolList(RequestId id) {
        listRequests.put(id, Boolean.TRUE);
    }

    /** Learns from an inbound message if it answers a {@code tools/list}. */
    public void observe(JsonRpcMessage message) {
        if (message instanceof JsonRpcErrorResponse e && e.id() != null) {
            listRequests.remove(e.id());
            return;
        }
        if (!(message instanceof JsonRpcResponse r) || listRequests.remove(r.id()) == null) {
            return;
        }
        JsonNode tools = r.result() == null ? null : r.result().get("tools");
        if (tools == null || !tools.isArray()) {
            return;
        }
        for (JsonNode tool : tools) {
            JsonNode name = tool.get("name");
            if (name == null || !name.isString()) {
                continue;
            }
            List<ParamHeaders.Declaration> declarations;
            try {
                declarations = ParamHeaders.of(tool.get("inputSchema"));
            } catch (IllegalArgumentException invalid) {
                byTool.remove(name.asString()); // the client excludes such a tool
                continue;
            }
            if (declarations.isEmpty()) {
                byTool.remove(name.asString());
            } else if (byTool.size() < MAX_TOOLS || byTool.containsKey(name.asString())) {
                byTool.put(name.asString(), declarations);
            }
        }
    }

    /** Adds the {@code Mcp-Param-*} headers of a {@code tools/call} of {@code tool} with {@code params}. */
    public void addTo(HttpRequest.Builder request, String tool, JsonNode params) {
        List<ParamHeaders.Declaration> declarations = byTool.get(tool);
        if (declarations == null || params == null) {
            return;
        }
        JsonNode arguments = params.get("arguments");
        for (ParamHeaders.Declaration d : declarations) {
            Optional<String> value = d.valueIn(arguments).flatMap(ParamHeaders::headerValue);
            value.ifPresent(v -> request.header(d.headerName(), v));
        }
    }
}
