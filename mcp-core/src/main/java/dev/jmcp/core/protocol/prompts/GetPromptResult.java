package dev.jmcp.core.protocol.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.protocol.mrtr.InputRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code prompts/get}; in 2026-07-28 possibly {@code input_required}.
 *
 * @param description a description of the prompt, null when absent
 * @param messages the messages (empty when the wire omits it, except in an {@code input_required} result, where it stays null)
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
 * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record GetPromptResult(
        String description,
        List<PromptMessage> messages,
        ResultType resultType,
        Map<String, InputRequest> inputRequests,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value.
     *
     * @param description a description of the prompt, null when absent
     * @param messages the messages (empty when the wire omits it, except in an {@code input_required} result, where it
     *     stays null)
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
     * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public GetPromptResult {
        if (messages != null) {
            messages = List.copyOf(messages);
        } else if (ResultType.isComplete(resultType)) {
            messages = List.of();
        }
        inputRequests = inputRequests == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputRequests));
    }

    /**
     * A result with the given description (may be null) and messages.
     *
     * @param description a description of the prompt, null when absent
     * @param messages the messages (empty when the wire omits it, except in an {@code input_required} result, where it
     *     stays null)
     * @return a result with the given description and messages
     */
    public static GetPromptResult of(String description, List<PromptMessage> messages) {
        return new GetPromptResult(description, messages, null, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param messages the messages (empty when the wire omits it, except in an {@code input_required} result, where it
     *     stays null)
     * @return a new builder
     */
    public static Builder builder(List<PromptMessage> messages) {
        return new Builder(messages);
    }

    /** Builds a {@link GetPromptResult}. */
    public static final class Builder {
        private final List<PromptMessage> messages;
        private String description;
        private ResultType resultType;
        private Map<String, InputRequest> inputRequests;
        private String requestState;
        private JsonNode meta;

        private Builder(List<PromptMessage> messages) {
            this.messages = messages;
        }

        /**
         * Sets {@code description}: description.
         *
         * @param description a description of the prompt, or null to leave it out
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code resultType}: the 2026-07-28 result type.
         *
         * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or
         *     {@code task}, or null to leave it out (absent means complete)
         * @return this builder
         */
        public Builder resultType(ResultType resultType) {
            this.resultType = resultType;
            return this;
        }

        /**
         * Sets {@code inputRequests}: requests the client must answer before retrying (2026-07-28).
         *
         * @param inputRequests requests the client must answer before retrying (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder inputRequests(Map<String, InputRequest> inputRequests) {
            this.inputRequests = inputRequests;
            return this;
        }

        /**
         * Sets {@code requestState}: opaque state the client echoes on the retry (2026-07-28).
         *
         * @param requestState opaque state the client echoes on the retry (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder requestState(String requestState) {
            this.requestState = requestState;
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
         * @return a new {@code GetPromptResult} with the values set on this builder
         */
        public GetPromptResult build() {
            return new GetPromptResult(description, messages, resultType, inputRequests, requestState, meta);
        }
    }
}
