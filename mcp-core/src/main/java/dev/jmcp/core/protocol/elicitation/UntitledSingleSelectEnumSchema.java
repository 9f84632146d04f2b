package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Single choice among plain values ({@code enum}).
 *
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param values the values the user may choose from
 * @param defaultValue the value the form starts with, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UntitledSingleSelectEnumSchema(
        String title,
        String description,
        @JsonProperty("enum") List<String> values,
        @JsonProperty("default") String defaultValue)
        implements PrimitiveSchemaDefinition {
    /**
     * Creates the value; {@code values} is required.
     *
     * @param title the field's label shown to the user, null when absent
     * @param description a description of the field shown to the user, null when absent
     * @param values the values the user may choose from
     * @param defaultValue the value the form starts with, null when absent
     */
    public UntitledSingleSelectEnumSchema {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
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

    /** Builds a {@link UntitledSingleSelectEnumSchema}. */
    public static final class Builder {
        private final List<String> values;
        private String title;
        private String description;
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
         * @return a new {@code UntitledSingleSelectEnumSchema} with the values set on this builder
         */
        public UntitledSingleSelectEnumSchema build() {
            return new UntitledSingleSelectEnumSchema(title, description, values, defaultValue);
        }
    }

    /** The JSON Schema {@code type}: {@code "string"}. */
    @JsonProperty("type")
    public String type() {
        return "string";
    }
}
