package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A numeric field; {@code type} is {@code "number"} or {@code "integer"}.
 *
 * @param type {@code "number"} or {@code "integer"}
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param minimum the smallest accepted value, null when absent
 * @param maximum the largest accepted value, null when absent
 * @param defaultValue the value the form starts with, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record NumberSchema(
        String type,
        String title,
        String description,
        Number minimum,
        Number maximum,
        @JsonProperty("default") Number defaultValue)
        implements PrimitiveSchemaDefinition {
    /**
     * Creates the value; {@code type} is required.
     *
     * @param type {@code "number"} or {@code "integer"}
     * @param title the field's label shown to the user, null when absent
     * @param description a description of the field shown to the user, null when absent
     * @param minimum the smallest accepted value, null when absent
     * @param maximum the largest accepted value, null when absent
     * @param defaultValue the value the form starts with, null when absent
     */
    public NumberSchema {
        Objects.requireNonNull(type, "type");
    }

    /**
     * A {@code number} field with a title (may be null).
     *
     * @param title the field's label shown to the user, null when absent
     * @return a {@code number} field with a title
     */
    public static NumberSchema number(String title) {
        return new NumberSchema("number", title, null, null, null, null);
    }

    /**
     * An {@code integer} field with a title (may be null).
     *
     * @param title the field's label shown to the user, null when absent
     * @return an {@code integer} field with a title
     */
    public static NumberSchema integer(String title) {
        return new NumberSchema("integer", title, null, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param type {@code "number"} or {@code "integer"}
     * @return a new builder
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** Builds a {@link NumberSchema}. */
    public static final class Builder {
        private final String type;
        private String title;
        private String description;
        private Number minimum;
        private Number maximum;
        private Number defaultValue;

        private Builder(String type) {
            this.type = type;
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
         * Sets {@code minimum}: minimum.
         *
         * @param minimum the smallest accepted value, or null to leave it out
         * @return this builder
         */
        public Builder minimum(Number minimum) {
            this.minimum = minimum;
            return this;
        }

        /**
         * Sets {@code maximum}: maximum.
         *
         * @param maximum the largest accepted value, or null to leave it out
         * @return this builder
         */
        public Builder maximum(Number maximum) {
            this.maximum = maximum;
            return this;
        }

        /**
         * Sets {@code default}: default value.
         *
         * @param defaultValue the value the form starts with, or null to leave it out
         * @return this builder
         */
        public Builder defaultValue(Number defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code NumberSchema} with the values set on this builder
         */
        public NumberSchema build() {
            return new NumberSchema(type, title, description, minimum, maximum, defaultValue);
        }
    }
}
