package dev.jmcp.core.protocol.subscriptions;

import java.util.List;

/**
 * The notifications a {@code subscriptions/listen} stream carries (each is opt-in).
 *
 * @param toolsListChanged tool list changes, null when absent
 * @param promptsListChanged prompt list changes, null when absent
 * @param resourcesListChanged resource list changes, null when absent
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
    /** Creates the value. */
    public SubscriptionFilter {
        resourceSubscriptions = resourceSubscriptions == null ? null : List.copyOf(resourceSubscriptions);
        taskIds = taskIds == null ? null : List.copyOf(taskIds);
    }

    /** Creates the value without {@code taskIds}. */
    public SubscriptionFilter(
            Boolean toolsListChanged,
            Boolean promptsListChanged,
            Boolean resourcesListChanged,
            List<String> resourceSubscriptions) {
        this(toolsListChanged, promptsListChanged, resourcesListChanged, resourceSubscriptions, null);
    }

    /** A builder with the required fields. */
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

        /** Sets {@code toolsListChanged}: tool list changes. */
        public Builder toolsListChanged(Boolean toolsListChanged) {
            this.toolsListChanged = toolsListChanged;
            return this;
        }

        /** Sets {@code promptsListChanged}: prompt list changes. */
        public Builder promptsListChanged(Boolean promptsListChanged) {
            this.promptsListChanged = promptsListChanged;
            return this;
        }

        /** Sets {@code resourcesListChanged}: resource list changes. */
        public Builder resourcesListChanged(Boolean resourcesListChanged) {
            this.resourcesListChanged = resourcesListChanged;
            return this;
        }

        /** Sets {@code resourceSubscriptions}: URIs whose updates to send. */
        public Builder resourceSubscriptions(List<String> resourceSubscriptions) {
            this.resourceSubscriptions = resourceSubscriptions;
            return this;
        }

        /** Sets {@code taskIds}: the tasks whose status notifications to send (tasks extension). */
        public Builder taskIds(List<String> taskIds) {
            this.taskIds = taskIds;
            return this;
        }

        /** Builds the value. */
        public SubscriptionFilter build() {
            return new SubscriptionFilter(
                    toolsListChanged, promptsListChanged, resourcesListChanged, resourceSubscriptions, taskIds);
        }
    }
}
