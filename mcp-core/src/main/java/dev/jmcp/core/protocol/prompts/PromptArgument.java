package dev.jmcp.core.protocol.prompts;

import java.util.Objects;

/**
 * An argument a prompt accepts.
 *
 * @param name the argument name
 * @param title a human-readable name for display, null when absent
 * @param description a human-readable description of the argument, null when absent
 * @param required whether it must be given, null when absent
 */
public record PromptArgument(String name, String title, String description, Boolean required) {
    /**
     * Creates the value; {@code name} is required.
     *
     * @param name the argument name
     * @param title a human-readable name for display, null when absent
     * @param description a human-readable description of the argument, null when absent
     * @param required whether it must be given, null when absent
     */
    public PromptArgument {
        Objects.requireNonNull(name, "name");
    }

    /**
     * An argument the caller must give.
     *
     * @param name the argument name
     * @param description a human-readable description of the argument, null when absent
     * @return an argument the caller must give
     */
    public static PromptArgument required(String name, String description) {
        return new PromptArgument(name, null, description, Boolean.TRUE);
    }

    /**
     * An argument the caller may leave out.
     *
     * @param name the argument name
     * @param description a human-readable description of the argument, null when absent
     * @return an argument the caller may leave out
     */
    public static PromptArgument optional(String name, String description) {
        return new PromptArgument(name, null, description, Boolean.FALSE);
    }

    /**
     * A builder with the required fields.
     *
     * @param name the argument name
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link PromptArgument}. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private Boolean required;

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
         * @param description a human-readable description of the argument, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code required}: whether it must be given.
         *
         * @param required whether it must be given, or null to leave it out
         * @return this builder
         */
        public Builder required(Boolean required) {
            this.required = required;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code PromptArgument} with the values set on this builder
         */
        public PromptArgument build() {
            return new PromptArgument(name, title, description, required);
        }
    }
}
