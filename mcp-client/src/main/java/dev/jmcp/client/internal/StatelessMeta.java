package dev.jmcp.client.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import tools.jackson.databind.node.ObjectNode;

/** The {@code _meta} keys every 2026-07-28 request carries. */
final class StatelessMeta {
    private StatelessMeta() {}

    /** Version, capabilities and client info, plus the log level when one is set. */
    static ObjectNode build(ClientConfig config, String logLevel) {
        ObjectNode meta = McpJson.object();
        meta.put("io.modelcontextprotocol/protocolVersion", ProtocolVersion.V2026_07_28.id());
        meta.set("io.modelcontextprotocol/clientCapabilities", config.statelessCapabilities());
        meta.set("io.modelcontextprotocol/clientInfo", config.clientInfo());
        if (logLevel != null) {
            meta.put("io.modelcontextprotocol/logLevel", logLevel);
        }
        return meta;
    }
}
