package dev.jmcp.core.protocol.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code tools/call}.
 *
 * @param name the tool name
 * @param arguments the arguments object, null when absent
 * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when absent
 * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), null when absent
 * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CallToolRequest(
        String name,
        JsonNode arguments,
        TaskMetadata task,
        Map<String, InputResponse> inputResponses,
        String requestState,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code name} is required.
     *
     * @param name the tool name
     * @param arguments the arguments object, null when absent
     * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), null when
     *     absent
     * @param inputResponses answers to the previous result's input requests, by key (2026-07-28), null when absent
     * @param requestState the {@code requestState} echoed from the previous result (2026-07-28), null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public CallToolRequest {
        Objects.requireNonNull(name, "name");
        inputResponses =
                inputResponses == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputResponses));
    }

    /**
     * A call with the given arguments (may be null).
     *
     * @param name the tool name
     * @param arguments the arguments object, null when absent
     * @return the params of a {@code tools/call}
     */
    public static CallToolRequest of(String name, JsonNode arguments) {
        return new CallToolRequest(name, arguments, null, null, null, null);
    }

    /**
     * A builder with the required fields.
     *
     * @param name the tool name
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link CallToolRequest}. */
    public static final class Builder {
        private final String name;
        private JsonNode arguments;
        private TaskMetadata task;
        private Map<String, InputResponse> inputResponses;
        private String requestState;
        private JsonNode meta;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets {@code arguments}: the arguments object.
         *
         * @param arguments the arguments object, or null to leave it out
         * @return this builder
         */
        public Builder arguments(JsonNode arguments) {
            this.arguments = arguments;
            return this;
        }

        /**
         * Sets {@code task}: task augmentation (2025-11-25).
         *
         * @param task asks the receiver to run the request as a task, with the retention wanted (2025-11-25), or null
         *     to leave it out
         * @return this builder
         */
        public Builder task(TaskMetadata task) {
            this.task = task;
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
         * @return a new {@code CallToolRequest} with the values set on this builder
         */
        public CallToolRequest build() {
            return new CallToolRequest(name, arguments, task, inputResponses, requestState, meta);
        }
    }
}
