package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Deprecated single choice with {@code enumNames} as display names.
 *
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param values the values the user may choose from
 * @param enumNames display names of the values, in the same order (the legacy form), null when absent
 * @param defaultValue the value the form starts with, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record LegacyTitledEnumSchema(
        String title,
        String description,
        @JsonProperty("enum") List<String> values,
        List<String> enumNames,
        @JsonProperty("default") String defaultValue)
        implements PrimitiveSchemaDefinition {
    /**
     * Creates the value; {@code values} is required.
     *
     * @param title the field's label shown to the user, null when absent
     * @param description a description of the field shown to the user, null when absent
     * @param values the values the user may choose from
     * @param enumNames display names of the values, in the same order (the legacy form), null when absent
     * @param defaultValue the value the form starts with, null when absent
     */
    public LegacyTitledEnumSchema {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        enumNames = enumNames == null ? null : List.copyOf(enumNames);
    }

    /**
     * A builder with the required fields.
     *
     * @param values the values the user may choose from
     * @return a new builder
     */
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

        /**
         * Sets {@code title}: display title.
         *
         * @param title the field's label shown to the user, or null to leave it out
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets {@code description}: description.
         *
         * @param description a description of the field shown to the user, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code enumNames}: display names.
         *
         * @param enumNames display names of the values, in the same order (the legacy form), or null to leave it out
         * @return this builder
         */
        public Builder enumNames(List<String> enumNames) {
            this.enumNames = enumNames;
            return this;
        }

        /**
         * Sets {@code default}: default value.
         *
         * @param defaultValue the value the form starts with, or null to leave it out
         * @return this builder
         */
        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code LegacyTitledEnumSchema} with the values set on this builder
         */
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
