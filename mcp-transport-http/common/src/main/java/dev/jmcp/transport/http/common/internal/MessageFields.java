package dev.jmcp.transport.http.common.internal;

import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import tools.jackson.databind.JsonNode;

/** The envelope fields of a JSON-RPC message that the HTTP transports mirror into headers. */
public final class MessageFields {
    /** The {@code _meta} key naming a 2026-07-28 request's protocol version. */
    public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

    private MessageFields() {}

    /** The method of a request or notification, else null. */
    public static String methodOf(JsonRpcMessage m) {
        if (m instanceof JsonRpcRequest r) {
            return r.method();
        }
        if (m instanceof JsonRpcNotification n) {
            return n.method();
        }
        return null;
    }

    /** The params of a request or notification, else null. */
    public static JsonNode paramsOf(JsonRpcMessage m) {
        if (m instanceof JsonRpcRequest r) {
            return r.params();
        }
        if (m instanceof JsonRpcNotification n) {
            return n.params();
        }
        return null;
    }

    /** The 2026-07-28 {@code _meta} protocol version of a message, or null when it carries none. */
    public static String metaProtocolVersion(JsonRpcMessage m) {
        JsonNode params = paramsOf(m);
        JsonNode meta = params == null ? null : params.get("_meta");
        JsonNode v = meta == null ? null : meta.get(META_PROTOCOL_VERSION);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** The {@code Mcp-Name} a message implies: the tool or prompt name, or the resource uri; else null. */
    public static String mcpName(JsonRpcMessage m) {
        String method = methodOf(m);
        JsonNode params = paramsOf(m);
        if (method == null || params == null) {
            return null;
        }
        JsonNode v =
                switch (method) {
                    case "tools/call", "prompts/get" -> params.get("name");
                    case "resources/read" -> params.get("uri");
                    default -> null;
                };
        return v != null && v.isString() ? v.asString() : null;
    }
}
