package dev.jmcp.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON configuration every jmcp module shares, and small helpers for turning protocol types and user
 * records into JSON trees and back.
 *
 * <p>Absent optional fields are never written (no {@code "title": null}); unknown fields are ignored when
 * binding to a type, and kept when the target is a {@link JsonNode}.
 */
public final class McpJson {
    /** The deepest nesting any jmcp mapper accepts; the wire codec may be configured lower. */
    public static final int MAX_NESTING_DEPTH = 1000;

    private static final JsonMapper MAPPER = newMapper(MAX_NESTING_DEPTH, Long.MAX_VALUE);

    private McpJson() {}

    /**
     * The shared mapper. Thread-safe; do not reconfigure it, build your own with {@link #newMapper}.
     *
     * @return the shared mapper
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * A mapper with jmcp's settings and the given read limits.
     *
     * @param maxNestingDepth the deepest nesting of arrays and objects a read accepts
     * @param maxDocumentBytes the largest document a read accepts, in bytes (in characters when reading text)
     * @return a mapper with jmcp's settings and the given read limits
     */
    public static JsonMapper newMapper(int maxNestingDepth, long maxDocumentBytes) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxDocumentLength(maxDocumentBytes)
                .maxStringLength(Integer.MAX_VALUE)
                .build();
        JsonFactory factory =
                JsonFactory.builder().streamReadConstraints(constraints).build();
        return JsonMapper.builder(factory)
                .changeDefaultPropertyInclusion(incl ->
                        JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * A new empty JSON object.
     *
     * @return a new empty JSON object
     */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The JSON tree of a value (a protocol type, a user record, a map).
     *
     * @param value the value to convert
     * @return the JSON tree of a value (a protocol type, a user record, a map)
     */
    public static JsonNode toTree(Object value) {
        try {
            return MAPPER.valueToTree(value);
        } catch (JacksonException e) {
            throw new McpException(
                    "cannot convert " + value.getClass().getName() + " to JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Binds a JSON tree to a type. A null or JSON-null tree binds to null.
     *
     * @param <T> the type to bind to
     * @param node the JSON tree, or null
     * @param type the class to bind to
     * @return the bound value, or null for a null or JSON-null tree
     * @throws McpException when the tree does not fit the type
     */
    public static <T> T fromTree(JsonNode node, Class<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new McpException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a JSON text into a tree.
     *
     * @param json the JSON text
     * @return the parsed tree
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new McpException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a value as compact JSON text.
     *
     * @param value the value to write
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new McpException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
