package dev.jmcp.opentelemetry.internal;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads W3C trace context ({@code traceparent}, {@code tracestate}, {@code baggage}) from a request's
 * {@code params._meta} object, where MCP carries it unprefixed (SEP-414). Non-string members are ignored.
 */
public enum MetaCarrier implements TextMapGetter<JsonNode> {
    /** The one instance. */
    INSTANCE;

    @Override
    public Iterable<String> keys(JsonNode meta) {
        List<String> keys = new ArrayList<>();
        if (meta != null && meta.isObject()) {
            meta.propertyNames().forEach(keys::add);
        }
        return keys;
    }

    @Override
    public String get(JsonNode meta, String key) {
        if (meta == null || !meta.isObject()) {
            return null;
        }
        JsonNode value = meta.get(key);
        return value != null && value.isString() ? value.asString() : null;
    }
}
