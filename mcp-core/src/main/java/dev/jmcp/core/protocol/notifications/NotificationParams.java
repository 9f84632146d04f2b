package dev.jmcp.core.protocol.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * Params of notifications that carry only {@code _meta}: {@code notifications/initialized} and the
 * {@code list_changed} notifications.
 *
 * @param meta the {@code _meta} object, null when absent
 */
public record NotificationParams(@JsonProperty("_meta") JsonNode meta) {
    /**
     * Params without {@code _meta}.
     *
     * @return params without {@code _meta}
     */
    public static NotificationParams empty() {
        return new NotificationParams(null);
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NotificationParams}; more members may be added as the specification grows. */
    public static final class Builder {
        private JsonNode meta;

        private Builder() {}

        /**
         * Sets {@code _meta}.
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
         * @return a new {@code NotificationParams} with the values set on this builder
         */
        public NotificationParams build() {
            return new NotificationParams(meta);
        }
    }
}
