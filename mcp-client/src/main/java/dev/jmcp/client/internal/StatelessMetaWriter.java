package dev.jmcp.client.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code _meta} keys of 2026-07-28 requests ({@link StatelessMeta}) into each request. They depend only
 * on the client's configuration and its log level, so they are converted to JSON once per log level and copied into
 * each request, rather than converted from the protocol records for every call. Thread-safe.
 */
final class StatelessMetaWriter {
    /** The keys for one log level, as JSON: never handed out, only copied. */
    private record Keys(LoggingLevel level, ObjectNode json) {}

    private final ClientConfig config;
    private volatile Keys keys;

    StatelessMetaWriter(ClientConfig config) {
        this.config = config;
    }

    /**
     * A copy of {@code meta} (a new object when it is absent or not an object) with the keys written over it.
     *
     * @param meta the request's own {@code _meta}, or null
     * @param level the client's log level, or null when none is set
     * @return the {@code _meta} to send
     */
    ObjectNode writeTo(JsonNode meta, LoggingLevel level) {
        Keys k = keys;
        if (k == null || k.level() != level) {
            k = new Keys(level, StatelessMeta.of(config, level).toMeta());
            keys = k;
        }
        ObjectNode out = meta != null && meta.isObject() ? ((ObjectNode) meta).deepCopy() : McpJson.object();
        for (Map.Entry<String, JsonNode> e : k.json().properties()) {
            out.set(e.getKey(), e.getValue().deepCopy());
        }
        return out;
    }
}
