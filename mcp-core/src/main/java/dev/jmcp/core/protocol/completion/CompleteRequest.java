package dev.jmcp.core.protocol.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code completion/complete}.
 *
 * @param ref the prompt or resource template
 * @param argument the argument being completed
 * @param context the arguments already resolved, which narrow the completion, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CompleteRequest(
        CompletionReference ref,
        CompletionArgument argument,
        CompletionContext context,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code ref}, {@code argument} are required.
     *
     * @param ref the prompt or resource template
     * @param argument the argument being completed
     * @param context the arguments already resolved, which narrow the completion, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public CompleteRequest {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(argument, "argument");
    }

    /**
     * A request without context.
     *
     * @param ref the prompt or resource template
     * @param argumentName the name of the argument being completed
     * @param argumentValue the partial value typed so far
     * @return a request without context
     */
    public static CompleteRequest of(CompletionReference ref, String argumentName, String argumentValue) {
        return new CompleteRequest(ref, CompletionArgument.of(argumentName, argumentValue), null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param ref the prompt or resource template
     * @param argument the argument being completed
     * @return a new builder
     */
    public static Builder builder(CompletionReference ref, CompletionArgument argument) {
        return new Builder(ref, argument);
    }

    /** Builds a {@link CompleteRequest}. */
    public static final class Builder {
        private final CompletionReference ref;
        private final CompletionArgument argument;
        private CompletionContext context;
        private JsonNode meta;

        private Builder(CompletionReference ref, CompletionArgument argument) {
            this.ref = ref;
            this.argument = argument;
        }

        /**
         * Sets {@code context}: extra context.
         *
         * @param context the arguments already resolved, which narrow the completion, or null to leave it out
         * @return this builder
         */
        public Builder context(CompletionContext context) {
            this.context = context;
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
         * @return a new {@code CompleteRequest} with the values set on this builder
         */
        public CompleteRequest build() {
            return new CompleteRequest(ref, argument, context, meta);
        }
    }
}
