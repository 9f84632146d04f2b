package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Deprecated single choice with {@code enumNames} as display names.
 *
 * @param title display title, null when absent
 * @param description description, null when absent
 * @param values the allowed values
 * @param enumNames display names, null when absent
 * @param defaultValue default value, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record LegacyTitledEnumSchema(
        String title,
        String description,
        @JsonProperty("enum") List<String> values,
        List<String> enumNames,
        @JsonProperty("default") String defaultValue)
        implements PrimitiveSchemaDefinition {
    /** Creates the value; {@code values} is required. */
    public LegacyTitledEnumSchema {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        enumNames = enumNames == null ? null : List.copyOf(enumNames);
    }

    /** A builder with the required fields. */
    public static Builder builder(List<String> values) {
        return new Builder(values);
    }

    /** Builds a {@link LegacyTitledEnumSchema}. */
    public static final class Builder {
        private final List<String> values;
        private String title;
        private String description;
        private List<String> enumNames;
        private String defaultValue;

        private Builder(List<String> values) {
            this.values = values;
        }

        /** Sets {@code title}: display title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@code description}: description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets {@code enumNames}: display names. */
        public Builder enumNames(List<String> enumNames) {
            this.enumNames = enumNames;
            return this;
        }

        /** Sets {@code default}: default value. */
        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /** Builds the value. */
        public LegacyTitledEnumSchema build() {
            return new LegacyTitledEnumSchema(title, description, values, enumNames, defaultValue);
        }
    }

    /** The JSON Schema {@code type}: {@code "string"}. */
    @JsonProperty("type")
    public String type() {
        return "string";
    }
}
