package dev.jmcp.core.protocol.subscriptions;

import java.util.List;

/**
 * The notifications a {@code subscriptions/listen} stream carries (each is opt-in).
 *
 * @param toolsListChanged tool list changes, null when absent
 * @param promptsListChanged prompt list changes, null when absent
 * @param resourcesListChanged resource list changes, null when absent
 * @param resourceSubscriptions URIs whose updates to send, null when absent
 */
public record SubscriptionFilter(
        Boolean toolsListChanged,
        Boolean promptsListChanged,
        Boolean resourcesListChanged,
        List<String> resourceSubscriptions) {
    /** Creates the value. */
    public SubscriptionFilter {
        resourceSubscriptions = resourceSubscriptions == null ? null : List.copyOf(resourceSubscriptions);
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

        /** Builds the value. */
        public SubscriptionFilter build() {
            return new SubscriptionFilter(
                    toolsListChanged, promptsListChanged, resourcesListChanged, resourceSubscriptions);
        }
    }
}
