package dev.jmcp.core.protocol.internal;

import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a member of a union of content types by its {@code type} field, from a table of the members.
 *
 * @param <T> the union type
 */
public abstract class TypeFieldDeserializer<T> extends TreeDeserializer<T> {
    private final Map<String, Class<? extends T>> members;

    /** A deserializer of the union {@code what} whose members are {@code members}, by {@code type} value. */
    protected TypeFieldDeserializer(String what, Map<String, Class<? extends T>> members) {
        super(what);
        this.members = Map.copyOf(members);
    }

    @Override
    protected T decode(JsonNode node, DeserializationContext ctxt) {
        String type = text(node, "type");
        if (type == null) {
            return fail(ctxt, "missing \"type\"");
        }
        Class<? extends T> member = members.get(type);
        if (member == null) {
            return fail(ctxt, "unknown type \"%s\"", type);
        }
        // not ctxt.readTreeAsValue: it resolves the member's root deserializer, and with it a type deserializer
        // (annotation introspection, uncached), on every call; the contextual lookup is a cache hit
        ValueDeserializer<Object> deserializer = ctxt.findContextualValueDeserializer(ctxt.constructType(member), null);
        try (JsonParser p = node.traverse(ctxt)) {
            p.nextToken();
            return member.cast(deserializer.deserialize(p, ctxt));
        }
    }
}
