package dev.jmcp.core.protocol.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code subscriptions/listen} (2026-07-28).
 *
 * @param notifications the notifications to receive
 * @param meta the {@code _meta} object, null when absent
 */
public record SubscriptionsListenRequest(SubscriptionFilter notifications, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; {@code notifications} is required.
     *
     * @param notifications the notifications to receive
     * @param meta the {@code _meta} object, null when absent
     */
    public SubscriptionsListenRequest {
        Objects.requireNonNull(notifications, "notifications");
    }

    /**
     * Params for the given filter.
     *
     * @param notifications the notifications to receive
     * @return the params of {@code subscriptions/listen}
     */
    public static SubscriptionsListenRequest of(SubscriptionFilter notifications) {
        return new SubscriptionsListenRequest(notifications, null);
    }
}
