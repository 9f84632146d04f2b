package dev.jmcp.core.protocol.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code resources/read}.
 *
 * @param uri the resource URI
 * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), null when absent
 * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record ReadResourceRequest(
        String uri,
        Map<String, InputResponse> inputResponses,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code uri} is required.
     *
     * @param uri the resource URI
     * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), null when absent
     * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public ReadResourceRequest {
        Objects.requireNonNull(uri, "uri");
        inputResponses =
                inputResponses == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputResponses));
    }

    /**
     * Reads the given URI.
     *
     * @param uri the resource URI
     * @return the params of {@code resources/read}
     */
    public static ReadResourceRequest of(String uri) {
        return new ReadResourceRequest(uri, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param uri the resource URI
     * @return a new builder
     */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /** Builds a {@link ReadResourceRequest}. */
    public static final class Builder {
        private final String uri;
        private Map<String, InputResponse> inputResponses;
        private String requestState;
        private JsonNode meta;

        private Builder(String uri) {
            this.uri = uri;
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
         * @return a new {@code ReadResourceRequest} with the values set on this builder
         */
        public ReadResourceRequest build() {
            return new ReadResourceRequest(uri, inputResponses, requestState, meta);
        }
    }
}
