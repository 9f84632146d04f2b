package dev.jmcp.core.protocol.mrtr;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.ResultType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A 2026-07-28 {@code input_required} result in its generic form (any of {@code tools/call},
 * {@code prompts/get}, {@code resources/read} may answer it). At least one of {@code inputRequests} and
 * {@code requestState} is present.
 *
 * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task}, null
 *     when absent (complete)
 * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
 * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record InputRequiredResult(
        ResultType resultType,
        Map<String, InputRequest> inputRequests,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value.
     *
     * @param resultType the 2026-07-28 {@code resultType}: {@code complete}, {@code input_required} or {@code task},
     *     null when absent (complete)
     * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
     * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public InputRequiredResult {
        inputRequests = inputRequests == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputRequests));
    }

    /**
     * An {@code input_required} result.
     *
     * @param inputRequests requests the client must answer before retrying (2026-07-28), null when absent
     * @param requestState opaque state the client echoes on the retry (2026-07-28), null when absent
     * @return an {@code input_required} result
     */
    public static InputRequiredResult of(Map<String, InputRequest> inputRequests, String requestState) {
        return new InputRequiredResult(ResultType.INPUT_REQUIRED, inputRequests, requestState, null);
    }

    /**
     * A builder with every field unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InputRequiredResult}. */
    public static final class Builder {
        private ResultType resultType;
        private Map<String, InputRequest> inputRequests;
        private String requestState;
        private JsonNode meta;

        private Builder() {}

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
         * @return a new {@code InputRequiredResult} with the values set on this builder
         */
        public InputRequiredResult build() {
            return new InputRequiredResult(resultType, inputRequests, requestState, meta);
        }
    }
}
