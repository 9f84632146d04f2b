package dev.jmcp.core.protocol.capabilities;

import dev.jmcp.core.McpJson;
import tools.jackson.databind.JsonNode;

/**
 * The {@code tasks} capability of either side (2025-11-25). {@code list} and {@code cancel} are objects whose
 * presence means support; {@code requests} lists the task-augmentable requests, e.g.
 * {@code {"tools": {"call": {}}}}.
 *
 * @param list presence means {@code tasks/list} is supported, null when absent
 * @param cancel presence means {@code tasks/cancel} is supported, null when absent
 * @param requests the requests that may be run as tasks, by area and method, null when absent
 */
public record TasksCapability(JsonNode list, JsonNode cancel, TaskRequests requests) {
    /**
     * Creates the value from {@code requests} as JSON (null when absent); areas {@link TaskRequests} does not
     * define are dropped.
     *
     * @param list presence means {@code tasks/list} is supported, null when absent
     * @param cancel presence means {@code tasks/cancel} is supported, null when absent
     * @param requests the requests that may be run as tasks, by area and method, null when absent
     */
    public TasksCapability(JsonNode list, JsonNode cancel, JsonNode requests) {
        this(list, cancel, requests == null ? null : McpJson.fromTree(requests, TaskRequests.class));
    }

    /**
     * A builder with nothing declared.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code requests} declares the method, e.g. {@code supportsRequest("tools", "call")} or
     * {@code supportsRequest("sampling", "createMessage")}.
     *
     * @param area the capability area, e.g. {@code tools} or {@code sampling}
     * @param method the method within the area, e.g. {@code call}
     * @return {@code true} if {@code requests} declares the method
     */
    public boolean supportsRequest(String area, String method) {
        return requests != null && requests.supports(area, method);
    }

    /** Builds a {@link TasksCapability}. */
    public static final class Builder {
        private JsonNode list;
        private JsonNode cancel;
        private TaskRequests requests;

        private Builder() {}

        /**
         * Declares {@code tasks/list} support.
         *
         * @return this builder
         */
        public Builder list() {
            this.list = McpJson.object();
            return this;
        }

        /**
         * Declares {@code tasks/cancel} support.
         *
         * @return this builder
         */
        public Builder cancel() {
            this.cancel = McpJson.object();
            return this;
        }

        /**
         * Sets the task-augmentable requests.
         *
         * @param requests the requests that may be run as tasks, by area and method, or null to leave it out
         * @return this builder
         */
        public Builder requests(TaskRequests requests) {
            this.requests = requests;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code TasksCapability} with the values set on this builder
         */
        public TasksCapability build() {
            return new TasksCapability(list, cancel, requests);
        }
    }
}
