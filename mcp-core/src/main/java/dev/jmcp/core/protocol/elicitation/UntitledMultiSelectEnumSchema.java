package dev.jmcp.core.protocol.elicitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Multiple choice among plain values ({@code items: {type: "string", enum}}).
 *
 * @param title display title, null when absent
 * @param description description, null when absent
 * @param minItems minimum selections, null when absent
 * @param maxItems maximum selections, null when absent
 * @param items the allowed values
 * @param defaultValue default selection, null when absent
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UntitledMultiSelectEnumSchema(
        String title,
        String description,
        Integer minItems,
        Integer maxItems,
        EnumItems items,
        @JsonProperty("default") List<String> defaultValue)
        implements PrimitiveSchemaDefinition {
    /** Creates the value; {@code items} is required. */
    public UntitledMultiSelectEnumSchema {
        Objects.requireNonNull(items, "items");
        defaultValue = defaultValue == null ? null : List.copyOf(defaultValue);
    }

    /** A builder with the required fields. */
    public static Builder builder(EnumItems items) {
        return new Builder(items);
    }

    /** Builds a {@link UntitledMultiSelectEnumSchema}. */
    public static final class Builder {
        private final EnumItems items;
        private String title;
        private String description;
        private Integer minItems;
        private Integer maxItems;
        private List<String> defaultValue;

        private Builder(EnumItems items) {
            this.items = items;
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

        /** Sets {@code minItems}: minimum selections. */
        public Builder minItems(Integer minItems) {
            this.minItems = minItems;
            return this;
        }

        /** Sets {@code maxItems}: maximum selections. */
        public Builder maxItems(Integer maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /** Sets {@code default}: default selection. */
        public Builder defaultValue(List<String> defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /** Builds the value. */
        public UntitledMultiSelectEnumSchema build() {
            return new UntitledMultiSelectEnumSchema(title, description, minItems, maxItems, items, defaultValue);
        }
    }

    /** The JSON Schema {@code type}: {@code "array"}. */
    @JsonProperty("type")
    public String type() {
        return "array";
    }
}
