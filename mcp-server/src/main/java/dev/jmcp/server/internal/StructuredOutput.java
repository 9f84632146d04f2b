package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SEP-2106 toward older clients. From 2026-07-28 an {@code outputSchema} may have any root and {@code
 * structuredContent} may be any JSON value; the 2025-06-18 and 2025-11-25 schemas require {@code type: "object"}
 * and an object. For those clients a non-object schema is listed wrapped as {@code {"type": "object", "properties":
 * {"result": <schema>}, "required": ["result"]}} and the value sent as {@code {"result": <value>}} (what the
 * TypeScript SDK 2.x does); a non-object value of a tool without an output schema is left to its text block.
 * 2026-07-28 clients get both unchanged.
 */
final class StructuredOutput {
    /** The member a wrapped value is put under. */
    static final String RESULT = "result";

    private StructuredOutput() {}

    /** Whether a tool's {@code outputSchema} is not an object schema, so older clients get it wrapped. */
    static boolean wraps(JsonNode outputSchema) {
        return outputSchema != null
                && !"object".equals(outputSchema.path("type").asString(""));
    }

    /** Whether {@code v} is a revision whose schema requires object output (2025-06-18 and 2025-11-25). */
    static boolean objectOnly(ProtocolVersion v) {
        return v.hasStructuredContent() && !v.isStateless();
    }

    /**
     * The wrapper schema of a non-object {@code schema}; {@code $schema} and the {@code $defs}/{@code definitions}
     * move to the wrapper's root so that {@code #/$defs/...} references still resolve.
     */
    static ObjectNode wrapSchema(JsonNode schema) {
        ObjectNode inner = schema.isObject() ? ((ObjectNode) schema).deepCopy() : McpJson.object();
        ObjectNode wrapper = McpJson.object();
        for (String hoisted : new String[] {"$schema", "$defs", "definitions"}) {
            JsonNode n = inner.remove(hoisted);
            if (n != null) {
                wrapper.set(hoisted, n);
            }
        }
        wrapper.put("type", "object");
        wrapper.putObject("properties").set(RESULT, schema.isObject() ? inner : schema);
        wrapper.putArray("required").add(RESULT);
        return wrapper;
    }

    /** A listed tool's {@code outputSchema} for {@code v}. */
    static void projectSchema(ObjectNode tool, ProtocolVersion v) {
        JsonNode schema = tool.get("outputSchema");
        if (schema != null && objectOnly(v) && wraps(schema)) {
            tool.set("outputSchema", wrapSchema(schema));
        }
    }

    /**
     * A result's {@code structuredContent} for {@code v}: wrapped when the tool's schema is, dropped when it is not
     * an object and the tool has no schema (its text block carries it).
     */
    static void projectValue(ObjectNode result, JsonNode outputSchema, ProtocolVersion v) {
        JsonNode value = result.get("structuredContent");
        if (value == null || !objectOnly(v)) {
            return;
        }
        if (wraps(outputSchema)) {
            ObjectNode wrapped = McpJson.object();
            wrapped.set(RESULT, value);
            result.set("structuredContent", wrapped);
        } else if (!value.isObject()) {
            result.remove("structuredContent");
        }
    }
}
