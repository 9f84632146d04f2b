package dev.jmcp.core.protocol.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Icon;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A tool the client can call. Display precedence: {@code title}, {@code annotations.title}, {@code name}.
 *
 * @param name programmatic name
 * @param title display name, null when absent
 * @param description description for the model, null when absent
 * @param icons icons, null when absent
 * @param inputSchema JSON Schema of the arguments object, kept verbatim
 * @param outputSchema JSON Schema of {@code structuredContent}, kept verbatim, null when absent
 * @param annotations behaviour hints, null when absent
 * @param execution task support (2025-11-25), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record Tool(
        String name,
        String title,
        String description,
        List<Icon> icons,
        JsonNode inputSchema,
        JsonNode outputSchema,
        ToolAnnotations annotations,
        ToolExecution execution,
        @JsonProperty("_meta") JsonNode meta) {
    /** Creates the value; {@code name}, {@code inputSchema} are required. */
    public Tool {
        Objects.requireNonNull(name, "name");
        icons = icons == null ? null : List.copyOf(icons);
        Objects.requireNonNull(inputSchema, "inputSchema");
    }

    /** A builder with the required fields. */
    public static Builder builder(String name, JsonNode inputSchema) {
        return new Builder(name, inputSchema);
    }

    /** Builds a {@link Tool}. */
    public static final class Builder {
        private final String name;
        private final JsonNode inputSchema;
        private String title;
        private String description;
        private List<Icon> icons;
        private JsonNode outputSchema;
        private ToolAnnotations annotations;
        private ToolExecution execution;
        private JsonNode meta;

        private Builder(String name, JsonNode inputSchema) {
            this.name = name;
            this.inputSchema = inputSchema;
        }

        /** Sets {@code title}: display name. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets {@code description}: description for the model. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets {@code icons}: icons. */
        public Builder icons(List<Icon> icons) {
            this.icons = icons;
            return this;
        }

        /** Sets {@code outputSchema}: JSON Schema of {@code structuredContent}. */
        public Builder outputSchema(JsonNode outputSchema) {
            this.outputSchema = outputSchema;
            return this;
        }

        /** Sets {@code annotations}: behaviour hints. */
        public Builder annotations(ToolAnnotations annotations) {
            this.annotations = annotations;
            return this;
        }

        /** Sets {@code execution}: task support (2025-11-25). */
        public Builder execution(ToolExecution execution) {
            this.execution = execution;
            return this;
        }

        /** Sets {@code _meta}: the {@code _meta} object. */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /** Builds the value. */
        public Tool build() {
            return new Tool(name, title, description, icons, inputSchema, outputSchema, annotations, execution, meta);
        }
    }
}
