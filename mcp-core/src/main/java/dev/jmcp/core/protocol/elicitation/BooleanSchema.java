package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A yes/no field.
 *
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param defaultValue the value the form starts with, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record BooleanSchema(String title, String description, @JsonProperty("default") Boolean defaultValue)
        implements PrimitiveSchemaDefinition {

    /** The JSON Schema {@code type}: {@code "boolean"}. */
    @JsonProperty("type")
    public String type() {
        return "boolean";
    }
}
