package dev.jmcp.core.protocol.lifecycle;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.MetaKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the reserved key of a result's {@code _meta}: {@code io.modelcontextprotocol/serverInfo}. */
public final class ResultMeta {
    private ResultMeta() {}

    /**
     * The server info of a result's {@code _meta}, or null when absent.
     *
     * @param meta the result's {@code _meta} object, or null
     * @return the server info of a result's {@code _meta}, or null when absent
     */
    public static Implementation serverInfo(JsonNode meta) {
        return meta == null ? null : McpJson.fromTree(meta.get(MetaKeys.SERVER_INFO), Implementation.class);
    }

    /**
     * A copy of {@code meta} (which may be null) with the server info set; other keys are kept.
     *
     * @param meta the {@code _meta} object to copy, or null
     * @param serverInfo the server's name and version
     * @return a copy of {@code meta} (which may be null) with the server info set; other keys are kept
     */
    public static ObjectNode withServerInfo(JsonNode meta, Implementation serverInfo) {
        ObjectNode out = meta != null && meta.isObject() ? ((ObjectNode) meta).deepCopy() : McpJson.object();
        out.set(MetaKeys.SERVER_INFO, McpJson.toTree(serverInfo));
        return out;
    }
}
