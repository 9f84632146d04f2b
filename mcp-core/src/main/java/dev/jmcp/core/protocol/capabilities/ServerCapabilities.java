package dev.jmcp.core.protocol.capabilities;

import dev.jmcp.core.McpJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a server supports. A null member is an absent capability; a present one, even with no fields, is
 * written as an object ({@code "logging": {}}).
 *
 * @param experimental experimental, non-standard capabilities by name, null when absent
 * @param logging presence means log messages are supported, null when absent
 * @param completions presence means {@code completion/complete} is supported, null when absent
 * @param prompts present when the server offers prompts, null when absent
 * @param resources present when the server offers resources, null when absent
 * @param tools present when the server offers tools, null when absent
 * @param tasks present when tasks are supported: listing, cancelling and which requests may be task-augmented
 *     (2025-11-25), null when absent
 * @param extensions extensions by identifier (2026-07-28), null when absent
 */
public record ServerCapabilities(
        Map<String, JsonNode> experimental,
        JsonNode logging,
        JsonNode completions,
        Prompts prompts,
        Resources resources,
        Tools tools,
        TasksCapability tasks,
        Map<String, JsonNode> extensions) {
    /**
     * Creates capabilities; all members are optional.
     *
     * @param experimental experimental, non-standard capabilities by name, null when absent
     * @param logging presence means log messages are supported, null when absent
     * @param completions presence means {@code completion/complete} is supported, null when absent
     * @param prompts present when the server offers prompts, null when absent
     * @param resources present when the server offers resources, null when absent
     * @param tools present when the server offers tools, null when absent
     * @param tasks present when tasks are supported: listing, cancelling and which requests may be task-augmented
     *     (2025-11-25), null when absent
     * @param extensions extensions by identifier (2026-07-28), null when absent
     */
    public ServerCapabilities {
        experimental = experimental == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(experimental));
        extensions = extensions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * No capabilities: {@code {}}.
     *
     * @return capabilities declaring no feature
     */
    public static ServerCapabilities none() {
        return new ServerCapabilities(null, null, null, null, null, null, null, null);
    }

    /**
     * A builder with no capabilities.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code prompts} capability.
     *
     * @param listChanged whether the server sends list-changed notifications, null when absent
     */
    public record Prompts(Boolean listChanged) {}

    /**
     * The {@code resources} capability.
     *
     * @param subscribe whether resource subscriptions are supported, null when absent
     * @param listChanged whether the server sends list-changed notifications, null when absent
     */
    public record Resources(Boolean subscribe, Boolean listChanged) {}

    /**
     * The {@code tools} capability.
     *
     * @param listChanged whether the server sends list-changed notifications, null when absent
     */
    public record Tools(Boolean listChanged) {}

    /** Builds {@link ServerCapabilities}. */
    public static final class Builder {
        private Map<String, JsonNode> experimental;
        private JsonNode logging;
        private JsonNode completions;
        private Prompts prompts;
        private Resources resources;
        private Tools tools;
        private TasksCapability tasks;
        private Map<String, JsonNode> extensions;

        private Builder() {}

        /**
         * Sets the experimental capabilities.
         *
         * @param experimental experimental, non-standard capabilities by name, or null to leave it out
         * @return this builder
         */
        public Builder experimental(Map<String, JsonNode> experimental) {
            this.experimental = experimental;
            return this;
        }

        /**
         * Declares logging ({@code "logging": {}}).
         *
         * @return this builder
         */
        public Builder logging() {
            this.logging = McpJson.object();
            return this;
        }

        /**
         * Declares completions ({@code "completions": {}}).
         *
         * @return this builder
         */
        public Builder completions() {
            this.completions = McpJson.object();
            return this;
        }

        /**
         * Declares prompts.
         *
         * @param listChanged whether the server sends list-changed notifications
         * @return this builder
         */
        public Builder prompts(boolean listChanged) {
            this.prompts = new Prompts(listChanged ? Boolean.TRUE : null);
            return this;
        }

        /**
         * Declares resources with the given optional features (none: plain resources).
         *
         * @param features the optional resource features to declare, none for plain resources
         * @return this builder
         */
        public Builder resources(ResourceFeature... features) {
            java.util.Set<ResourceFeature> set = java.util.Set.of(features);
            this.resources = new Resources(
                    set.contains(ResourceFeature.SUBSCRIBE) ? Boolean.TRUE : null,
                    set.contains(ResourceFeature.LIST_CHANGED) ? Boolean.TRUE : null);
            return this;
        }

        /**
         * Declares tools.
         *
         * @param listChanged whether the server sends list-changed notifications
         * @return this builder
         */
        public Builder tools(boolean listChanged) {
            this.tools = new Tools(listChanged ? Boolean.TRUE : null);
            return this;
        }

        /**
         * Sets the tasks capability.
         *
         * @param tasks present when tasks are supported: listing, cancelling and which requests may be task-augmented
         *     (2025-11-25), or null to leave it out
         * @return this builder
         */
        public Builder tasks(TasksCapability tasks) {
            this.tasks = tasks;
            return this;
        }

        /**
         * Sets the extensions.
         *
         * @param extensions extensions by identifier (2026-07-28), or null to leave it out
         * @return this builder
         */
        public Builder extensions(Map<String, JsonNode> extensions) {
            this.extensions = extensions;
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return a new {@code ServerCapabilities} with the values set on this builder
         */
        public ServerCapabilities build() {
            return new ServerCapabilities(
                    experimental, logging, completions, prompts, resources, tools, tasks, extensions);
        }
    }

    /** The optional parts of the resources capability. */
    public enum ResourceFeature {
        /** {@code resources.subscribe}. */
        SUBSCRIBE,
        /** {@code resources.listChanged}. */
        LIST_CHANGED
    }
}
