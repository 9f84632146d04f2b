package dev.jmcp.core.protocol.tools;

/**
 * Untrusted hints about a tool's behaviour.
 *
 * @param title a human-readable title for the tool, null when absent
 * @param readOnlyHint does not modify its environment (default false), null when absent
 * @param destructiveHint may destroy data (default true), null when absent
 * @param idempotentHint repeating a call has no further effect (default false), null when absent
 * @param openWorldHint talks to an open world of external entities (default true), null when absent
 */
public record ToolAnnotations(
        String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint, Boolean openWorldHint) {
    /**
     * A builder with the required fields.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ToolAnnotations}. */
    public static final class Builder {
        private String title;
        private Boolean readOnlyHint;
        private Boolean destructiveHint;
        private Boolean idempotentHint;
        private Boolean openWorldHint;

        private Builder() {}

        /**
         * Sets {@code title}: display title.
         *
         * @param title a human-readable title for the tool, or null to leave it out
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets {@code readOnlyHint}: does not modify its environment (default false).
         *
         * @param readOnlyHint does not modify its environment (default false), or null to leave it out
         * @return this builder
         */
        public Builder readOnlyHint(Boolean readOnlyHint) {
            this.readOnlyHint = readOnlyHint;
            return this;
        }

        /**
         * Sets {@code destructiveHint}: may destroy data (default true).
         *
         * @param destructiveHint may destroy data (default true), or null to leave it out
         * @return this builder
         */
        public Builder destructiveHint(Boolean destructiveHint) {
            this.destructiveHint = destructiveHint;
            return this;
        }

        /**
         * Sets {@code idempotentHint}: repeating a call has no further effect (default false).
         *
         * @param idempotentHint repeating a call has no further effect (default false), or null to leave it out
         * @return this builder
         */
        public Builder idempotentHint(Boolean idempotentHint) {
            this.idempotentHint = idempotentHint;
            return this;
        }

        /**
         * Sets {@code openWorldHint}: talks to an open world of external entities (default true).
         *
         * @param openWorldHint talks to an open world of external entities (default true), or null to leave it out
         * @return this builder
         */
        public Builder openWorldHint(Boolean openWorldHint) {
            this.openWorldHint = openWorldHint;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code ToolAnnotations} with the values set on this builder
         */
        public ToolAnnotations build() {
            return new ToolAnnotations(title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint);
        }
    }
}
