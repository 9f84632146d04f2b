package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Single choice among titled values ({@code oneOf: [{const, title}]}).
 *
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param oneOf the options, each a value with its display title
 * @param defaultValue the value the form starts with, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TitledSingleSelectEnumSchema(
        String title, String description, List<EnumOption> oneOf, @JsonProperty("default") String defaultValue)
        implements PrimitiveSchemaDefinition {
    /**
     * Creates the value; {@code oneOf} is required.
     *
     * @param title the field's label shown to the user, null when absent
     * @param description a description of the field shown to the user, null when absent
     * @param oneOf the options, each a value with its display title
     * @param defaultValue the value the form starts with, null when absent
     */
    public TitledSingleSelectEnumSchema {
        oneOf = List.copyOf(Objects.requireNonNull(oneOf, "oneOf"));
    }

    /**
     * A builder with the required fields.
     *
     * @param oneOf the options, each a value with its display title
     * @return a new builder
     */
    public static Builder builder(List<EnumOption> oneOf) {
        return new Builder(oneOf);
    }

    /** Builds a {@link TitledSingleSelectEnumSchema}. */
    public static final class Builder {
        private final List<EnumOption> oneOf;
        private String title;
        private String description;
        private String defaultValue;

        private Builder(List<EnumOption> oneOf) {
            this.oneOf = oneOf;
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
         * @return a new {@code TitledSingleSelectEnumSchema} with the values set on this builder
         */
        public TitledSingleSelectEnumSchema build() {
            return new TitledSingleSelectEnumSchema(title, description, oneOf, defaultValue);
        }
    }

    /** The JSON Schema {@code type}: {@code "string"}. */
    @JsonProperty("type")
    public String type() {
        return "string";
    }
}
