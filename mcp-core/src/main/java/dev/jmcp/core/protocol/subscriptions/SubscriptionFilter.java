package dev.jmcp.core.protocol.subscriptions;

import java.util.List;

/**
 * The notifications a {@code subscriptions/listen} stream carries (each is opt-in).
 *
 * @param toolsListChanged whether to receive {@code notifications/tools/list_changed}, null when absent
 * @param promptsListChanged whether to receive {@code notifications/prompts/list_changed}, null when absent
 * @param resourcesListChanged whether to receive {@code notifications/resources/list_changed}, null when absent
 * @param resourceSubscriptions URIs whose updates to send, null when absent
 * @param taskIds ids of the tasks whose {@code notifications/tasks} to send (the 2026-07-28 tasks extension,
 *     {@code io.modelcontextprotocol/tasks}), null when absent
 */
public record SubscriptionFilter(
        Boolean toolsListChanged,
        Boolean promptsListChanged,
        Boolean resourcesListChanged,
        List<String> resourceSubscriptions,
        List<String> taskIds) {
    /**
     * Creates the value.
     *
     * @param toolsListChanged whether to receive {@code notifications/tools/list_changed}, null when absent
     * @param promptsListChanged whether to receive {@code notifications/prompts/list_changed}, null when absent
     * @param resourcesListChanged whether to receive {@code notifications/resources/list_changed}, null when absent
     * @param resourceSubscriptions URIs whose updates to send, null when absent
     * @param taskIds ids of the tasks whose {@code notifications/tasks} to send (the 2026-07-28 tasks extension,
     *     {@code io.modelcontextprotocol/tasks}), null when absent
     */
    public SubscriptionFilter {
        resourceSubscriptions = resourceSubscriptions == null ? null : List.copyOf(resourceSubscriptions);
        taskIds = taskIds == null ? null : List.copyOf(taskIds);
    }

    /**
     * Creates the value without {@code taskIds}.
     *
     * @param toolsListChanged whether to receive {@code notifications/tools/list_changed}, null when absent
     * @param promptsListChanged whether to receive {@code notifications/prompts/list_changed}, null when absent
     * @param resourcesListChanged whether to receive {@code notifications/resources/list_changed}, null when absent
     * @param resourceSubscriptions URIs whose updates to send, null when absent
     */
    public SubscriptionFilter(
            Boolean toolsListChanged,
            Boolean promptsListChanged,
            Boolean resourcesListChanged,
            List<String> resourceSubscriptions) {
        this(toolsListChanged, promptsListChanged, resourcesListChanged, resourceSubscriptions, null);
    }

    /**
     * A builder with the required fields.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SubscriptionFilter}. */
    public static final class Builder {
        private Boolean toolsListChanged;
        private Boolean promptsListChanged;
        private Boolean resourcesListChanged;
        private List<String> resourceSubscriptions;
        private List<String> taskIds;

        private Builder() {}

        /**
         * Sets {@code toolsListChanged}: tool list changes.
         *
         * @param toolsListChanged whether to receive {@code notifications/tools/list_changed}, or null to leave it out
         * @return this builder
         */
        public Builder toolsListChanged(Boolean toolsListChanged) {
            this.toolsListChanged = toolsListChanged;
            return this;
        }

        /**
         * Sets {@code promptsListChanged}: prompt list changes.
         *
         * @param promptsListChanged whether to receive {@code notifications/prompts/list_changed}, or null to leave it
         *     out
         * @return this builder
         */
        public Builder promptsListChanged(Boolean promptsListChanged) {
            this.promptsListChanged = promptsListChanged;
            return this;
        }

        /**
         * Sets {@code resourcesListChanged}: resource list changes.
         *
         * @param resourcesListChanged whether to receive {@code notifications/resources/list_changed}, or null to leave
         *     it out
         * @return this builder
         */
        public Builder resourcesListChanged(Boolean resourcesListChanged) {
            this.resourcesListChanged = resourcesListChanged;
            return this;
        }

        /**
         * Sets {@code resourceSubscriptions}: URIs whose updates to send.
         *
         * @param resourceSubscriptions URIs whose updates to send, or null to leave it out
         * @return this builder
         */
        public Builder resourceSubscriptions(List<String> resourceSubscriptions) {
            this.resourceSubscriptions = resourceSubscriptions;
            return this;
        }

        /**
         * Sets {@code taskIds}: the tasks whose status notifications to send (tasks extension).
         *
         * @param taskIds ids of the tasks whose {@code notifications/tasks} to send (the 2026-07-28 tasks extension,
         *     {@code io.modelcontextprotocol/tasks}), or null to leave it out
         * @return this builder
         */
        public Builder taskIds(List<String> taskIds) {
            this.taskIds = taskIds;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return a new {@code SubscriptionFilter} with the values set on this builder
         */
        public SubscriptionFilter build() {
            return new SubscriptionFilter(
                    toolsListChanged, promptsListChanged, resourcesListChanged, resourceSubscriptions, taskIds);
        }
    }
}
