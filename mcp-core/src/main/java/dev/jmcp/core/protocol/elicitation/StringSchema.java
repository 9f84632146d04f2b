package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A free-text field.
 *
 * @param title display title, null when absent
 * @param description description, null when absent
 * @param minLength minimum length, null when absent
 * @param maxLength maximum length, null when absent
 * @param format {@code email}, {@code uri}, {@code date} or {@code date-time}, null when absent
 * @param defaultValue default value, null when absent
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
    /** A builder with the required fields. */
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

        /** Sets {@code minLength}: minimum length. */
        public Builder minLength(Integer minLength) {
            this.minLength = minLength;
            return this;
        }

        /** Sets {@code maxLength}: maximum length. */
        public Builder maxLength(Integer maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** Sets {@code format}: {@code email}. */
        public Builder format(String format) {
            this.format = format;
            return this;
        }

        /** Sets {@code default}: default value. */
        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /** Builds the value. */
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
