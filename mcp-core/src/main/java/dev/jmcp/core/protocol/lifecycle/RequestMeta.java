package dev.jmcp.core.protocol.lifecycle;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.ProgressToken;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reserved keys of a request's {@code _meta}: the 2026-07-28 per-request version, capabilities, client
 * info and log level, and the progress token of every era. Other keys are left alone.
 *
 * @param protocolVersion {@code io.modelcontextprotocol/protocolVersion}, null when absent
 * @param clientCapabilities {@code io.modelcontextprotocol/clientCapabilities}, null when absent
 * @param clientInfo {@code io.modelcontextprotocol/clientInfo}, null when absent
 * @param logLevel {@code io.modelcontextprotocol/logLevel}, null when absent
 * @param progressToken {@code progressToken}, null when absent
 */
public record RequestMeta(
        String protocolVersion,
        ClientCapabilities clientCapabilities,
        Implementation clientInfo,
        LoggingLevel logLevel,
        ProgressToken progressToken) {

    /** The stateless-request keys for the given version, capabilities and client (both may be null). */
    public static RequestMeta of(String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {
        return new RequestMeta(protocolVersion, capabilities, clientInfo, null, null);
    }

    /**
     * Reads the reserved keys of a {@code _meta} object; a null or non-object {@code _meta} gives all nulls.
     *
     * @throws dev.jmcp.core.McpException when a reserved key holds a value of the wrong shape
     */
    public static RequestMeta from(JsonNode meta) {
        if (meta == null || !meta.isObject()) {
            return new RequestMeta(null, null, null, null, null);
        }
        JsonNode version = meta.get(MetaKeys.PROTOCOL_VERSION);
        return new RequestMeta(
                version != null && version.isString() ? version.stringValue() : null,
                McpJson.fromTree(meta.get(MetaKeys.CLIENT_CAPABILITIES), ClientCapabilities.class),
                McpJson.fromTree(meta.get(MetaKeys.CLIENT_INFO), Implementation.class),
                McpJson.fromTree(meta.get(MetaKeys.LOG_LEVEL), LoggingLevel.class),
                McpJson.fromTree(meta.get(MetaKeys.PROGRESS_TOKEN), ProgressToken.class));
    }

    /** Whether the keys a 2026-07-28 request must carry (version and capabilities) are present. */
    public boolean hasRequiredStatelessKeys() {
        return protocolVersion != null && clientCapabilities != null;
    }

    /**
     * Writes the non-null keys into a copy of {@code meta} (which may be null) and returns the copy; keys not
     * reserved here are kept untouched.
     */
    public ObjectNode writeTo(JsonNode meta) {
        ObjectNode out = meta != null && meta.isObject() ? ((ObjectNode) meta).deepCopy() : McpJson.object();
        if (protocolVersion != null) {
            out.put(MetaKeys.PROTOCOL_VERSION, protocolVersion);
        }
        if (clientCapabilities != null) {
            out.set(MetaKeys.CLIENT_CAPABILITIES, McpJson.toTree(clientCapabilities));
        }
        if (clientInfo != null) {
            out.set(MetaKeys.CLIENT_INFO, McpJson.toTree(clientInfo));
        }
        if (logLevel != null) {
            out.put(MetaKeys.LOG_LEVEL, logLevel.wire());
        }
        if (progressToken != null) {
            out.set(MetaKeys.PROGRESS_TOKEN, McpJson.toTree(progressToken));
        }
        return out;
    }

    /** The keys as a new {@code _meta} object. */
    public ObjectNode toMeta() {
        return writeTo(null);
    }
}
