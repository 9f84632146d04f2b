package dev.jmcp.loadtest.internal;

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
 * The {@code outputSchema} of each tool of the server under test, listed once per target and compiled once,
 * for checking tool results in the hot path (JSON Schema 2020-12 by default, remote {@code $ref}s never fetched).
 * Thread-safe.
 */
public final class ToolOutputSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));

    private final Map<String, Schema> byTool = new ConcurrentHashMap<>();
    private final Map<String, String> unusable = new ConcurrentHashMap<>();

    /** Remembers a tool's output schema ({@code null}: the tool declares none). */
    public void put(String tool, JsonNode outputSchema) {
        if (outputSchema == null || outputSchema.isNull()) {
            return;
        }
        try {
            byTool.put(tool, REGISTRY.getSchema(outputSchema));
        } catch (RuntimeException e) {
            unusable.put(tool, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Checks a successful (not {@code isError}) tool result.
     *
     * @return null when it conforms or the tool declares no schema, else what is wrong
     */
    public String check(String tool, JsonNode result) {
        Schema schema = byTool.get(tool);
        if (schema == null) {
            String problem = unusable.get(tool);
            return problem == null ? null : "tool " + tool + " has an unusable outputSchema: " + problem;
        }
        JsonNode structured = result == null ? null : result.get("structuredContent");
        if (structured == null || structured.isNull()) {
            return "tool " + tool + " declares an outputSchema but returned no structuredContent";
        }
        List<Error> errors = schema.validate(structured);
        if (errors.isEmpty()) {
            return null;
        }
        return "structuredContent of tool " + tool + " does not match its outputSchema: "
                + errors.stream().limit(3).map(Error::toString).collect(Collectors.joining("; "));
    }
}
