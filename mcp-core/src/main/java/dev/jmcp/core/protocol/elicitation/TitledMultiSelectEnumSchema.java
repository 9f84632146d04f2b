package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Multiple choice among titled values ({@code items: {anyOf: [{const, title}]}}).
 *
 * @param title the field's label shown to the user, null when absent
 * @param description a description of the field shown to the user, null when absent
 * @param minItems the fewest values the user must select, null when absent
 * @param maxItems the most values the user may select, null when absent
 * @param items the options the user may select, each a value with its display title
 * @param defaultValue the values selected when the form opens, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TitledMultiSelectEnumSchema(
        String title,
        String description,
        Integer minItems,
        Integer maxItems,
        TitledEnumItems items,
        @JsonProperty("default") List<String> defaultValue)
        implements PrimitiveSchemaDefinition {
    /**
     * Creates the value; {@code items} is required.
     *
     * @param title the field's label shown to the user, null when absent
     * @param description a description of the field shown to the user, null when absent
     * @param minItems the fewest values the user must select, null when absent
     * @param maxItems the most values the user may select, null when absent
     * @param items the options the user may select, each a value with its display title
     * @param defaultValue the values selected when the form opens, null when absent
     */
    public TitledMultiSelectEnumSchema {
        Objects.requireNonNull(items, "items");
        defaultValue = defaultValue == null ? null : List.copyOf(defaultValue);
    }

    /**
     * A builder with the required fields.
     *
     * @param items the options the user may select, each a value with its display title
     * @return a new builder
     */
    public static Builder builder(TitledEnumItems items) {
        return new Builder(items);
    }

    /** Builds a {@link TitledMultiSelectEnumSchema}. */
    public static final class Builder {
        private final TitledEnumItems items;
        private String title;
        private String description;
        private Integer minItems;
        private Integer maxItems;
        private List<String> defaultValue;

        private Builder(TitledEnumItems items) {
            this.items = items;
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
         * Sets {@code minItems}: minimum selections.
         *
         * @param minItems the fewest values the user must select, or null to leave it out
         * @return this builder
         */
        public Builder minItems(Integer minItems) {
            this.minItems = minItems;
            return this;
        }

        /**
         * Sets {@code maxItems}: maximum selections.
         *
         * @param maxItems the most values the user may select, or null to leave it out
         * @return this builder
         */
        public Builder maxItems(Integer maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /**
         * Sets {@code default}: default selection.
         *
         * @param defaultValue the values selected when the form opens, or null to leave it out
         * @return this builder
         */
        public Builder defaultValue(List<String> defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code TitledMultiSelectEnumSchema} with the values set on this builder
         */
        public TitledMultiSelectEnumSchema build() {
            return new TitledMultiSelectEnumSchema(title, description, minItems, maxItems, items, defaultValue);
        }
    }

    /** The JSON Schema {@code type}: {@code "array"}. */
    @JsonProperty("type")
    public String type() {
        return "array";
    }
}
