package dev.jmcp.core.protocol.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Icon;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A tool the client can call. Display precedence: {@code title}, {@code annotations.title}, {@code name}.
 *
 * @param name the identifier, for programmatic use (and for display when there is no title)
 * @param title a human-readable name for display, null when absent
 * @param description description for the model, null when absent
 * @param icons icons a client may show for it, in several sizes or themes, null when absent
 * @param inputSchema JSON Schema of the arguments object, kept verbatim
 * @param outputSchema JSON Schema of {@code structuredContent}, kept verbatim, null when absent
 * @param annotations hints on the tool's behaviour (read-only, destructive, idempotent, open world), to be relied on
 *     only from a trusted server, null when absent
 * @param execution how the tool runs, e.g. whether it supports task-augmented calls (2025-11-25), null when absent
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
    /**
     * Creates the value; {@code name}, {@code inputSchema} are required.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param title a human-readable name for display, null when absent
     * @param description description for the model, null when absent
     * @param icons icons a client may show for it, in several sizes or themes, null when absent
     * @param inputSchema JSON Schema of the arguments object, kept verbatim
     * @param outputSchema JSON Schema of {@code structuredContent}, kept verbatim, null when absent
     * @param annotations hints on the tool's behaviour (read-only, destructive, idempotent, open world), to be relied
     *     on only from a trusted server, null when absent
     * @param execution how the tool runs, e.g. whether it supports task-augmented calls (2025-11-25), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public Tool {
        Objects.requireNonNull(name, "name");
        icons = icons == null ? null : List.copyOf(icons);
        Objects.requireNonNull(inputSchema, "inputSchema");
    }

    /**
     * A builder with the required fields.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param inputSchema JSON Schema of the arguments object, kept verbatim
     * @return a new builder
     */
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

        /**
         * Sets {@code title}: display name.
         *
         * @param title a human-readable name for display, or null to leave it out
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets {@code description}: description for the model.
         *
         * @param description description for the model, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code icons}: icons.
         *
         * @param icons icons a client may show for it, in several sizes or themes, or null to leave it out
         * @return this builder
         */
        public Builder icons(List<Icon> icons) {
            this.icons = icons;
            return this;
        }

        /**
         * Sets {@code outputSchema}: JSON Schema of {@code structuredContent}.
         *
         * @param outputSchema JSON Schema of {@code structuredContent}, kept verbatim, or null to leave it out
         * @return this builder
         */
        public Builder outputSchema(JsonNode outputSchema) {
            this.outputSchema = outputSchema;
            return this;
        }

        /**
         * Sets {@code annotations}: behaviour hints.
         *
         * @param annotations hints on the tool's behaviour (read-only, destructive, idempotent, open world), to be
         *     relied on only from a trusted server, or null to leave it out
         * @return this builder
         */
        public Builder annotations(ToolAnnotations annotations) {
            this.annotations = annotations;
            return this;
        }

        /**
         * Sets {@code execution}: task support (2025-11-25).
         *
         * @param execution how the tool runs, e.g. whether it supports task-augmented calls (2025-11-25), or null to
         *     leave it out
         * @return this builder
         */
        public Builder execution(ToolExecution execution) {
            this.execution = execution;
            return this;
        }

        /**
         * Sets {@code _meta}: the {@code _meta} object.
         *
         * @param meta the {@code _meta} object, or null to leave it out
         * @return this builder
         */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code Tool} with the values set on this builder
         */
        public Tool build() {
            return new Tool(name, title, description, icons, inputSchema, outputSchema, annotations, execution, meta);
        }
    }
}
