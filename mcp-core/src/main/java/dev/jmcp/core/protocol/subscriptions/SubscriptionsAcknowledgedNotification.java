package dev.jmcp.core.protocol.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/subscriptions/acknowledged}: the subset the server honours.
 *
 * @param notifications the notifications the server will send
 * @param meta the {@code _meta} object, null when absent
 */
public record SubscriptionsAcknowledgedNotification(
        SubscriptionFilter notifications, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code notifications} is required.
     *
     * @param notifications the notifications the server will send
     * @param meta the {@code _meta} object, null when absent
     */
    public SubscriptionsAcknowledgedNotification {
        Objects.requireNonNull(notifications, "notifications");
    }

    /**
     * Params for the given filter.
     *
     * @param notifications the notifications the server will send
     * @return the params of the acknowledgement
     */
    public static SubscriptionsAcknowledgedNotification of(SubscriptionFilter notifications) {
        return new SubscriptionsAcknowledgedNotification(notifications, null);
    }
}
