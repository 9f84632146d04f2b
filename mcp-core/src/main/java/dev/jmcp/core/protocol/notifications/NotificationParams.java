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
    /** Params without {@code _meta}. */
    public static NotificationParams empty() {
        return new NotificationParams(null);
    }
}
