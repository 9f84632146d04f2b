package dev.jmcp.core.protocol.internal;

import java.util.Map;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

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
        return ctxt.readTreeAsValue(node, member);
    }
}
