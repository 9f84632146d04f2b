package dev.jmcp.core.protocol.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code prompts/get}.
 *
 * @param name the prompt name
 * @param arguments the values of the prompt's arguments, by name, to fill its template, null when absent
 * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), null when absent
 * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record GetPromptRequest(
        String name,
        Map<String, String> arguments,
        Map<String, InputResponse> inputResponses,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code name} is required.
     *
     * @param name the prompt name
     * @param arguments the values of the prompt's arguments, by name, to fill its template, null when absent
     * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), null when absent
     * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public GetPromptRequest {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        inputResponses =
                inputResponses == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputResponses));
    }

    /**
     * Gets the named prompt with the given arguments (may be null).
     *
     * @param name the prompt name
     * @param arguments the values of the prompt's arguments, by name, to fill its template, null when absent
     * @return the params of {@code prompts/get}
     */
    public static GetPromptRequest of(String name, Map<String, String> arguments) {
        return new GetPromptRequest(name, arguments, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param name the prompt name
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link GetPromptRequest}. */
    public static final class Builder {
        private final String name;
        private Map<String, String> arguments;
        private Map<String, InputResponse> inputResponses;
        private String requestState;
        private JsonNode meta;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets {@code arguments}: template arguments.
         *
         * @param arguments the values of the prompt's arguments, by name, to fill its template, or null to leave it out
         * @return this builder
         */
        public Builder arguments(Map<String, String> arguments) {
            this.arguments = arguments;
            return this;
        }

        /**
         * Sets {@code inputResponses}: answers to the previous result's input requests.
         *
         * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), or null to leave
         *     it out
         * @return this builder
         */
        public Builder inputResponses(Map<String, InputResponse> inputResponses) {
            this.inputResponses = inputResponses;
            return this;
        }

        /**
         * Sets {@code requestState}: the {@code requestState} echoed from the previous result (2026-07-28).
         *
         * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), or null to leave
         *     it out
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
         * @return a new {@code GetPromptRequest} with the values set on this builder
         */
        public GetPromptRequest build() {
            return new GetPromptRequest(name, arguments, inputResponses, requestState, meta);
        }
    }
}
