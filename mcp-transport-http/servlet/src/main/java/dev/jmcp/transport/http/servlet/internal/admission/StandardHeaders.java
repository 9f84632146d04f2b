package dev.jmcp.transport.http.servlet.internal.admission;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.transport.HeaderValues;
import dev.jmcp.transport.http.common.internal.MessageFields;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The request checks of the Streamable HTTP transport that need no server knowledge: the standard headers
 * {@code Mcp-Method} and {@code Mcp-Name} against the body (SEP-2243), and the 2026-07-28 request envelope
 * ({@code _meta} with the protocol version and the client capabilities, SEP-2575).
 */
final class StandardHeaders {
    /** The {@code _meta} key of the client capabilities. */
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

    private StandardHeaders() {}

    /**
     * Why the standard headers do not match {@code message}, or null when they do. Values that are present must
     * equal the body's (after Base64 sentinel decoding for {@code Mcp-Name}); in the 2026-07-28 era a request
     * must also carry both headers where they apply.
     */
    static String mismatch(RequestHeaders req, JsonRpcMessage message, boolean modern) {
        String method = req.get("Mcp-Method");
        String bodyMethod = MessageFields.methodOf(message);
        boolean required = modern && message instanceof JsonRpcRequest;
        if (method == null) {
            if (required) {
                return "the Mcp-Method header is required (the body calls " + bodyMethod + ")";
            }
        } else if (bodyMethod != null && !method.strip().equals(bodyMethod)) {
            return "Mcp-Method " + method + " but the body calls " + bodyMethod;
        }
        String name = req.get("Mcp-Name");
        String bodyName = MessageFields.mcpName(message);
        if (name == null) {
            if (required && bodyName != null) {
                return "the Mcp-Name header is required for " + bodyMethod;
            }
        } else if (bodyName != null) {
            Optional<String> decoded = HeaderValues.decode(name);
            if (decoded.isEmpty()) {
                return "Mcp-Name is not a valid header value";
            }
            if (!decoded.get().equals(bodyName)) {
                return "Mcp-Name " + name + " but the body names " + bodyName;
            }
        }
        return null;
    }

    /**
     * What is wrong with a 2026-07-28 request's envelope, or null when it is well formed (or for notifications):
     * {@code _meta} must be an object with a string protocol version, and for a known modern version the client
     * capabilities object. An unknown version passes, so that the server answers UnsupportedProtocolVersion.
     */
    static String envelopeProblem(JsonRpcMessage message) {
        if (!(message instanceof JsonRpcRequest r)) {
            return null;
        }
        JsonNode params = r.params();
        JsonNode meta = params != null && params.isObject() ? params.get("_meta") : null;
        if (meta == null || !meta.isObject()) {
            return "a 2026-07-28 request needs params._meta";
        }
        JsonNode version = meta.get(MessageFields.META_PROTOCOL_VERSION);
        if (version == null || !version.isString()) {
            return "missing _meta " + MessageFields.META_PROTOCOL_VERSION;
        }
        boolean known = ProtocolVersion.parse(version.asString())
                .map(ProtocolVersion::isStateless)
                .orElse(false);
        JsonNode caps = meta.get(META_CAPABILITIES);
        if (known && (caps == null || !caps.isObject())) {
            return "missing or invalid _meta " + META_CAPABILITIES;
        }
        return null;
    }
}
