package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.errors.UnsupportedProtocolVersionData;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Admits a 2026-07-28 request by its {@code _meta}: a supported stateless revision (else -32022 with the supported
 * list), capabilities (required), client info and log level (optional, well-formed), and a method the revision
 * still has (else -32601).
 */
final class StatelessAdmission {
    /**
     * What the request's {@code _meta} declared.
     *
     * @param version the revision
     * @param capabilities the client's capabilities
     * @param clientInfo the client's info, or null
     * @param logLevel the log level, or null
     */
    record Admitted(ProtocolVersion version, JsonNode capabilities, JsonNode clientInfo, String logLevel) {}

    private StatelessAdmission() {}

    /**
     * Checks the {@code _meta} of a request to {@code method} that declares a revision.
     *
     * @throws McpRpcException the error the request is answered with
     */
    static Admitted admit(String method, JsonNode meta) {
        JsonNode v = meta.get(MetaKeys.PROTOCOL_VERSION);
        Optional<ProtocolVersion> pv = v.isString() ? ProtocolVersion.parse(v.asString()) : Optional.empty();
        if (pv.isEmpty() || !pv.get().isStateless()) {
            throw unsupported(v);
        }
        JsonNode caps = meta.get(MetaKeys.CLIENT_CAPABILITIES);
        if (caps == null || !caps.isObject()) {
            throw Errors.invalidParams("missing or invalid _meta " + MetaKeys.CLIENT_CAPABILITIES);
        }
        JsonNode info = meta.get(MetaKeys.CLIENT_INFO);
        if (info != null && !info.isObject()) {
            throw Errors.invalidParams("invalid _meta " + MetaKeys.CLIENT_INFO);
        }
        JsonNode level = meta.get(MetaKeys.LOG_LEVEL);
        String logLevel = null;
        if (level != null) {
            if (!level.isString() || !Levels.isValid(level.asString())) {
                throw Errors.invalidParams("invalid _meta " + MetaKeys.LOG_LEVEL + ": " + level);
            }
            logLevel = level.asString();
        }
        if (isRemoved(pv.get(), method)) {
            throw Errors.methodNotFound(method);
        }
        return new Admitted(pv.get(), caps, info, logLevel);
    }

    /** Whether {@code method} is one the stateless revision removed (answered -32601, HTTP 404). */
    static boolean isRemoved(ProtocolVersion version, String method) {
        return switch (method) {
            case McpMethods.INITIALIZE,
                    McpMethods.NOTIFICATION_INITIALIZED,
                    McpMethods.RESOURCES_SUBSCRIBE,
                    McpMethods.RESOURCES_UNSUBSCRIBE -> true;
            case McpMethods.PING -> !version.hasPing();
            case McpMethods.LOGGING_SET_LEVEL -> !version.hasSetLevel();
            default -> false;
        };
    }

    private static McpRpcException unsupported(JsonNode requested) {
        List<String> supported = Arrays.stream(ProtocolVersion.values())
                .filter(ProtocolVersion::isStateless)
                .map(ProtocolVersion::id)
                .toList();
        // echoed as sent: a client may send a number or null
        JsonNode data = McpJson.toTree(UnsupportedProtocolVersionData.echoing(supported, requested));
        return new McpRpcException(new JsonRpcError(
                ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: " + requested, data));
    }
}
