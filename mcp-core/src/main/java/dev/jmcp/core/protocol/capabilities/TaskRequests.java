package dev.jmcp.core.protocol.capabilities;

import dev.jmcp.core.McpJson;
import tools.jackson.databind.JsonNode;

/**
 * The {@code requests} member of the {@code tasks} capability (2025-11-25): which requests may be
 * task-augmented. A server lists {@code tools.call}; a client lists {@code sampling.createMessage} and
 * {@code elicitation.create}. Each leaf is an object whose presence means support. Areas the 2025-11-25
 * schema does not define are not kept.
 *
 * @param tools the server's task-augmentable tool requests, null when absent
 * @param sampling the client's task-augmentable sampling requests, null when absent
 * @param elicitation the client's task-augmentable elicitation requests, null when absent
 */
public record TaskRequests(Tools tools, Sampling sampling, Elicitation elicitation) {
    /**
     * Task support for tool requests.
     *
     * @param call presence means task-augmented {@code tools/call} is supported, null when absent
     */
    public record Tools(JsonNode call) {}

    /**
     * Task support for sampling requests.
     *
     * @param createMessage presence means task-augmented {@code sampling/createMessage} is supported
     */
    public record Sampling(JsonNode createMessage) {}

    /**
     * Task support for elicitation requests.
     *
     * @param create presence means task-augmented {@code elicitation/create} is supported
     */
    public record Elicitation(JsonNode create) {}

    /**
     * A builder with no request declared.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the method is declared, e.g. {@code supports("tools", "call")} or
     * {@code supports("sampling", "createMessage")}.
     *
     * @param area the capability area, e.g. {@code tools} or {@code sampling}
     * @param method the method within the area, e.g. {@code call}
     * @return {@code true} if the method is declared
     */
    public boolean supports(String area, String method) {
        return switch (area + "/" + method) {
            case "tools/call" -> tools != null && tools.call() != null;
            case "sampling/createMessage" -> sampling != null && sampling.createMessage() != null;
            case "elicitation/create" -> elicitation != null && elicitation.create() != null;
            default -> false;
        };
    }

    /** Builds {@link TaskRequests}; each method declares one request as task-augmentable. */
    public static final class Builder {
        private Tools tools;
        private Sampling sampling;
        private Elicitation elicitation;

        private Builder() {}

        /**
         * Declares task-augmented {@code tools/call} (a server).
         *
         * @return this builder
         */
        public Builder toolsCall() {
            tools = new Tools(McpJson.object());
            return this;
        }

        /**
         * Declares task-augmented {@code sampling/createMessage} (a client).
         *
         * @return this builder
         */
        public Builder samplingCreateMessage() {
            sampling = new Sampling(McpJson.object());
            return this;
        }

        /**
         * Declares task-augmented {@code elicitation/create} (a client).
         *
         * @return this builder
         */
        public Builder elicitationCreate() {
            elicitation = new Elicitation(McpJson.object());
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code TaskRequests} with the values set on this builder
         */
        public TaskRequests build() {
            return new TaskRequests(tools, sampling, elicitation);
        }
    }
}
