package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A free-text field.
 *
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param minLength the shortest accepted string, in characters, null when absent
 * @param maxLength the longest accepted string, in characters, null when absent
 * @param format {@code email}, {@code uri}, {@code date} or {@code date-time}, null when absent
 * @param defaultValue the value the form starts with, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record StringSchema(
        String title,
        String description,
        Integer minLength,
        Integer maxLength,
        String format,
        @JsonProperty("default") String defaultValue)
        implements PrimitiveSchemaDefinition {
    /**
     * A builder with the required fields.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StringSchema}. */
    public static final class Builder {
        private String title;
        private String description;
        private Integer minLength;
        private Integer maxLength;
        private String format;
        private String defaultValue;

        private Builder() {}

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
         * Sets {@code minLength}: minimum length.
         *
         * @param minLength the shortest accepted string, in characters, or null to leave it out
         * @return this builder
         */
        public Builder minLength(Integer minLength) {
            this.minLength = minLength;
            return this;
        }

        /**
         * Sets {@code maxLength}: maximum length.
         *
         * @param maxLength the longest accepted string, in characters, or null to leave it out
         * @return this builder
         */
        public Builder maxLength(Integer maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /**
         * Sets {@code format}: {@code email}.
         *
         * @param format {@code email}, {@code uri}, {@code date} or {@code date-time}, or null to leave it out
         * @return this builder
         */
        public Builder format(String format) {
            this.format = format;
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
         * @return a new {@code StringSchema} with the values set on this builder
         */
        public StringSchema build() {
            return new StringSchema(title, description, minLength, maxLength, format, defaultValue);
        }
    }

    /** The JSON Schema {@code type}: {@code "string"}. */
    @JsonProperty("type")
    public String type() {
        return "string";
    }
}
