package dev.jmcp.core.protocol.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.Icon;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A prompt or prompt template the server offers.
 *
 * @param name the identifier, for programmatic use (and for display when there is no title)
 * @param title a human-readable name for display, null when absent
 * @param description what the prompt provides, null when absent
 * @param arguments the arguments the prompt accepts, null when absent
 * @param icons icons a client may show for it, in several sizes or themes, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record Prompt(
        String name,
        String title,
        String description,
        List<PromptArgument> arguments,
        List<Icon> icons,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code name} is required.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @param title a human-readable name for display, null when absent
     * @param description what the prompt provides, null when absent
     * @param arguments the arguments the prompt accepts, null when absent
     * @param icons icons a client may show for it, in several sizes or themes, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public Prompt {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? null : List.copyOf(arguments);
        icons = icons == null ? null : List.copyOf(icons);
    }

    /**
     * A builder with the required fields.
     *
     * @param name the identifier, for programmatic use (and for display when there is no title)
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link Prompt}. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private List<PromptArgument> arguments;
        private List<Icon> icons;
        private JsonNode meta;

        private Builder(String name) {
            this.name = name;
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
         * Sets {@code description}: description.
         *
         * @param description what the prompt provides, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code arguments}: the arguments.
         *
         * @param arguments the arguments the prompt accepts, or null to leave it out
         * @return this builder
         */
        public Builder arguments(List<PromptArgument> arguments) {
            this.arguments = arguments;
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
         * @return a new {@code Prompt} with the values set on this builder
         */
        public Prompt build() {
            return new Prompt(name, title, description, arguments, icons, meta);
        }
    }
}
