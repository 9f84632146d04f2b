package dev.jmcp.core.protocol.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;

/** A deserializer that reads the value as a tree and picks the concrete type from its shape. */
public abstract class TreeDeserializer<T> extends ValueDeserializer<T> {
    /**
     * The tree deserializer itself: {@code ctxt.readTree(p)} looks up the root deserializer and its type
     * deserializer (annotation introspection) on every call.
     */
    private static final ValueDeserializer<?> NODES = JsonNodeDeserializer.getDeserializer(JsonNode.class);

    private final String what;

    /** Creates a deserializer; {@code what} names the union in error messages. */
    protected TreeDeserializer(String what) {
        this.what = what;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonNode node = (JsonNode) NODES.deserialize(p, ctxt);
        if (!node.isObject()) {
            return ctxt.reportInputMismatch(this, "%s must be a JSON object, got %s", what, node.getNodeType());
        }
        return decode(node, ctxt);
    }

    /** Decodes one object node. */
    protected abstract T decode(JsonNode node, DeserializationContext ctxt);

    /** The string value of {@code field}, or null when absent or not a string. */
    protected static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /** Fails decoding with a message naming the union. */
    protected T fail(DeserializationContext ctxt, String message, Object... args) {
        return ctxt.reportInputMismatch(this, what + ": " + message, args);
    }
}
