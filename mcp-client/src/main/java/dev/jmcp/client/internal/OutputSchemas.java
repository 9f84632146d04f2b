package dev.jmcp.client.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The {@code outputSchema} of every tool the client has listed, compiled once, for checking the
 * {@code structuredContent} of tool results. Schemas default to JSON Schema 2020-12; remote {@code $ref}s are never
 * fetched.
 */
public final class OutputSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));

    private final Map<String, JsonNode> rawByTool = new ConcurrentHashMap<>();
    private final Map<String, Schema> compiledByTool = new ConcurrentHashMap<>();

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
        Schema schema;
        try {
            schema = compiledByTool.computeIfAbsent(tool, t -> REGISTRY.getSchema(raw));
        } catch (RuntimeException e) {
            return "tool " + tool + " has an unusable outputSchema: " + e.getMessage();
        }
        List<Error> errors = schema.validate(structured);
        if (errors.isEmpty()) {
            return null;
        }
        return "structuredContent of tool " + tool + " does not match its outputSchema: "
                + errors.stream().limit(5).map(Error::toString).collect(Collectors.joining("; "));
    }
}
