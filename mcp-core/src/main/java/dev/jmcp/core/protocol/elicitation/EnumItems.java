package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The {@code items} of an untitled multi-select: {@code {type: "string", enum}}.
 *
 * @param values the values the user may choose from
 */
public record EnumItems(@JsonProperty("enum") List<String> values) {
    /**
     * Creates the value; {@code values} is required.
     *
     * @param values the values the user may choose from
     */
    public EnumItems {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    /**
     * Items with the given values.
     *
     * @param values the values the user may choose from
     * @return items with the given values
     */
    public static EnumItems of(List<String> values) {
        return new EnumItems(values);
    }

    /**
     * The JSON Schema {@code type}: {@code "string"}.
     *
     * @return the JSON Schema {@code type}: {@code "string"}
     */
    @JsonProperty("type")
    public String type() {
        return "string";
    }
}
