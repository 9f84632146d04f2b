package dev.jmcp.client.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The {@code outputSchema} of every tool the client has listed, compiled once, for checking the
 * {@code structuredContent} of tool results. Schemas default to JSON Schema 2020-12; remote {@code $ref}s are never
 * fetched.
 *
 * <p>Validation needs {@code com.networknt:json-schema-validator} on the class path, an optional dependency of
 * mcp-client (a client-only application does not get it unless it asks for it). Without it, the client checks
 * only that a tool with an output schema returned {@code structuredContent}.
 */
public final class OutputSchemas {
    private final SchemaValidation validation;
    private final Map<String, JsonNode> rawByTool = new ConcurrentHashMap<>();
    private final Map<String, SchemaValidation.Compiled> compiledByTool = new ConcurrentHashMap<>();

    /** Output schemas checked with the JSON Schema validator when it is on the class path. */
    public OutputSchemas() {
        this(SchemaValidation.detect(className -> {
            try {
                Class.forName(className, false, OutputSchemas.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }));
    }

    /** Output schemas checked with {@code validation}; {@link SchemaValidation#NONE} checks presence only. */
    OutputSchemas(SchemaValidation validation) {
        this.validation = validation;
    }

    /** Whether structured results are validated against their schemas (the validator is on the class path). */
    public boolean validates() {
        return validation != SchemaValidation.NONE;
    }

    /** Records a listed tool's output schema (null removes a previous one). */
    public void remember(String tool, JsonNode outputSchema) {
        compiledByTool.remove(tool);
        if (outputSchema == null || outputSchema.isNull()) {
            rawByTool.remove(tool);
        } else {
            rawByTool.put(tool, outputSchema);
        }
    }

    /** Forgets every schema (the tool list changed). */
    public void clear() {
        rawByTool.clear();
        compiledByTool.clear();
    }

    /** Whether a schema is known for the tool. */
    public boolean knows(String tool) {
        return rawByTool.containsKey(tool);
    }

    /**
     * Checks a tool result against the tool's output schema, if one is known.
     *
     * @return null when the result conforms or no schema is known, else a description of the problems
     */
    public String check(String tool, JsonNode result) {
        JsonNode raw = rawByTool.get(tool);
        if (raw == null || result == null) {
            return null;
        }
        JsonNode isError = result.get("isError");
        if (isError != null && isError.asBoolean(false)) {
            return null;
        }
        JsonNode structured = result.get("structuredContent");
        if (structured == null || structured.isNull()) {
            return "tool " + tool + " declares an outputSchema but returned no structuredContent";
        }
        if (!validates()) {
            return null;
        }
        SchemaValidation.Compiled schema;
        try {
            schema = compiledByTool.computeIfAbsent(tool, t -> validation.compile(raw));
        } catch (RuntimeException e) {
            return "tool " + tool + " has an unusable outputSchema: " + e.getMessage();
        }
        List<String> errors = schema.validate(structured);
        if (errors.isEmpty()) {
            return null;
        }
        return "structuredContent of tool " + tool + " does not match its outputSchema: "
                + String.join("; ", errors.subList(0, Math.min(5, errors.size())));
    }
}
