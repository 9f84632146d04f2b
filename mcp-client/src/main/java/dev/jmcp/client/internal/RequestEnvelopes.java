package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.HeaderValues;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.ParamHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The {@link MessageEnvelope} of each request the client sends in the 2026-07-28 era: the fields a transport
 * mirrors outside the body (Streamable HTTP: {@code Mcp-Method}, {@code Mcp-Name}, {@code MCP-Protocol-Version},
 * {@code Mcp-Param-*}, SEP-2243), so it never reads the body. The {@code x-mcp-header} declarations of each tool
 * are learned from the {@code tools/list} results the client receives; a tool never listed gets no
 * {@code Mcp-Param-*} values (a server that needs them answers HeaderMismatch).
 *
 * <p>Values are as they go on the wire: the name and parameter values are already {@link HeaderValues}-encoded
 * where they are not header-safe, so a transport writes them as they are.
 */
public final class RequestEnvelopes {
    private static final int MAX_TOOLS = 10_000;

    private final Map<String, List<ParamHeaders.Declaration>> byTool = new ConcurrentHashMap<>();

    /** Learns the tools' {@code x-mcp-header} declarations from a {@code tools/list} result. */
    public void learn(JsonNode toolsListResult) {
        JsonNode tools = toolsListResult == null ? null : toolsListResult.get("tools");
        if (tools == null || !tools.isArray()) {
            return;
        }
        for (JsonNode tool : tools) {
            JsonNode name = tool.get("name");
            if (name == null || !name.isString()) {
                continue;
            }
            String n = name.asString();
            List<ParamHeaders.Declaration> declarations = ParamHeaders.ofOrEmpty(tool.get("inputSchema"));
            if (declarations.isEmpty()) {
                byTool.remove(n); // none, or invalid (the client leaves such a tool out)
            } else if (byTool.size() < MAX_TOOLS || byTool.containsKey(n)) {
                byTool.put(n, declarations);
            }
        }
    }

    /** The envelope of a request: {@link MessageEnvelope#NONE} outside the 2026-07-28 era. */
    public MessageEnvelope of(String method, JsonNode params, ProtocolVersion version) {
        if (version == null || !version.isStateless()) {
            return MessageEnvelope.NONE;
        }
        String name = nameOf(method, params);
        Map<String, String> values = McpMethods.TOOLS_CALL.equals(method) && name != null
                ? paramValues(byTool.get(name), params.get("arguments"))
                : Map.of();
        return new MessageEnvelope(method, name == null ? null : HeaderValues.encode(name), version.id(), values);
    }

    /** The envelope of a request that names nothing ({@code server/discover}, {@code subscriptions/listen}). */
    public static MessageEnvelope ofMethod(String method, ProtocolVersion version) {
        return new MessageEnvelope(method, null, version.id(), Map.of());
    }

    /**
     * Hands the envelope to the session with the request options: the one place the client passes it down.
     */
    public static RequestOptions handOver(RequestOptions options, MessageEnvelope envelope) {
        return envelope.mirrored() ? options.toBuilder().envelope(envelope).build() : options;
    }

    /** The tool or prompt name, resource URI, or task id of a request; null for other methods. */
    static String nameOf(String method, JsonNode params) {
        if (params == null) {
            return null;
        }
        JsonNode v =
                switch (method) {
                    case McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET -> params.get("name");
                    case McpMethods.RESOURCES_READ -> params.get("uri");
                    // the tasks extension: Mcp-Name carries the task id (routes to the instance holding the task)
                    case McpMethods.TASKS_GET, McpMethods.TASKS_UPDATE, McpMethods.TASKS_CANCEL -> params.get("taskId");
                    default -> null;
                };
        return v != null && v.isString() ? v.asString() : null;
    }

    private static Map<String, String> paramValues(List<ParamHeaders.Declaration> declarations, JsonNode arguments) {
        if (declarations == null || arguments == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParamHeaders.Declaration d : declarations) {
            d.valueIn(arguments).flatMap(ParamHeaders::headerValue).ifPresent(v -> values.put(d.name(), v));
        }
        return values;
    }
}
