package dev.jmcp.core.protocol.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.jsonrpc.RequestId;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/cancelled}. {@code requestId} is optional in 2025-11-25 (tasks are
 * cancelled with {@code tasks/cancel}) and required otherwise.
 *
 * @param requestId the cancelled request, null when absent
 * @param reason why, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CancelledNotification(RequestId requestId, String reason, @JsonProperty("_meta") JsonNode meta) {
    /** Cancels the given request. */
    public static CancelledNotification of(RequestId requestId, String reason) {
        return new CancelledNotification(requestId, reason, null);
    }
}
