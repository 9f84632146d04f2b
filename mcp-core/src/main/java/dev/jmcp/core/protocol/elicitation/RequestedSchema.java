package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The restricted JSON Schema of a form elicitation: a flat object of primitive properties.
 *
 * @param schema the {@code $schema} dialect, null when absent
 * @param properties the fields, in order
 * @param required the names of the fields the user must fill, null when absent
 */
public record RequestedSchema(
        @JsonProperty("$schema") String schema,
        Map<String, PrimitiveSchemaDefinition> properties,
        List<String> required) {
    /**
     * Creates the value; {@code properties} is required.
     *
     * @param schema the {@code $schema} dialect, null when absent
     * @param properties the fields, in order
     * @param required the names of the fields the user must fill, null when absent
     */
    public RequestedSchema {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties")));
        required = required == null ? null : List.copyOf(required);
    }

    /**
     * A schema with the given fields and required names (may be null).
     *
     * @param properties the fields, in order
     * @param required the names of the fields the user must fill, null when absent
     * @return a schema with the given fields and required names
     */
    public static RequestedSchema of(Map<String, PrimitiveSchemaDefinition> properties, List<String> required) {
        return new RequestedSchema(null, properties, required);
    }

    /**
     * The JSON Schema {@code type}: always {@code "object"}.
     *
     * @return the JSON Schema {@code type}: always {@code "object"}
     */
    @JsonProperty("type")
    public String type() {
        return "object";
    }
}
