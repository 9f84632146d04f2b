package dev.jmcp.core.protocol.internal;

import dev.jmcp.core.protocol.elicitation.BooleanSchema;
import dev.jmcp.core.protocol.elicitation.LegacyTitledEnumSchema;
import dev.jmcp.core.protocol.elicitation.NumberSchema;
import dev.jmcp.core.protocol.elicitation.PrimitiveSchemaDefinition;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.elicitation.TitledMultiSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.TitledSingleSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.UntitledMultiSelectEnumSchema;
import dev.jmcp.core.protocol.elicitation.UntitledSingleSelectEnumSchema;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/** Reads a {@link PrimitiveSchemaDefinition} by its shape. */
public final class PrimitiveSchemaDeserializer extends TreeDeserializer<PrimitiveSchemaDefinition> {
    /** Creates the deserializer. */
    public PrimitiveSchemaDeserializer() {
        super("elicitation schema");
    }

    @Override
    protected PrimitiveSchemaDefinition decode(JsonNode node, DeserializationContext ctxt) {
        String type = text(node, "type");
        if (type == null) {
            // SEP-1330 shows titled single-select without "type"; accept it.
            if (node.has("oneOf")) {
                return ctxt.readTreeAsValue(node, TitledSingleSelectEnumSchema.class);
            }
            return fail(ctxt, "missing \"type\"");
        }
        return switch (type) {
            case "boolean" -> ctxt.readTreeAsValue(node, BooleanSchema.class);
            case "number", "integer" -> ctxt.readTreeAsValue(node, NumberSchema.class);
            case "array" -> {
                JsonNode items = node.get("items");
                if (items != null && items.has("anyOf")) {
                    yield ctxt.readTreeAsValue(node, TitledMultiSelectEnumSchema.class);
                }
                if (items != null && items.has("enum")) {
                    yield ctxt.readTreeAsValue(node, UntitledMultiSelectEnumSchema.class);
                }
                yield fail(ctxt, "an array field needs items.enum or items.anyOf");
            }
            case "string" -> {
                if (node.has("oneOf")) {
                    yield ctxt.readTreeAsValue(node, TitledSingleSelectEnumSchema.class);
                }
                if (node.has("enum")) {
                    yield node.has("enumNames")
                            ? ctxt.readTreeAsValue(node, LegacyTitledEnumSchema.class)
                            : ctxt.readTreeAsValue(node, UntitledSingleSelectEnumSchema.class);
                }
                yield ctxt.readTreeAsValue(node, StringSchema.class);
            }
            default -> fail(ctxt, "unsupported type \"%s\"", type);
        };
    }
}
