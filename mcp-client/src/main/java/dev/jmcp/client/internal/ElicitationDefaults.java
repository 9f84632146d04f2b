package dev.jmcp.client.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Fills the {@code default} of every property of an elicitation's {@code requestedSchema} that the user left
 * out of an accepted answer (SEP-1034), so the server receives what the form showed.
 */
public final class ElicitationDefaults {
    private ElicitationDefaults() {}

    /**
     * Adds the schema's defaults to {@code content} for each property it lacks (absent or mapped to null).
     *
     * @param requestedSchema the {@code requestedSchema} of the request, or null
     * @param content the accepted content, by field name; modified in place
     * @return {@code content}
     */
    public static Map<String, JsonNode> fill(JsonNode requestedSchema, Map<String, JsonNode> content) {
        JsonNode properties = requestedSchema == null ? null : requestedSchema.get("properties");
        if (properties == null || !properties.isObject()) {
            return content;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode def = property.getValue().get("default");
            if (def != null && !def.isNull() && content.get(property.getKey()) == null) {
                content.put(property.getKey(), def.deepCopy());
            }
        }
        return content;
    }
}
