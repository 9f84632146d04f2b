package dev.jmcp.core.protocol.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.internal.RequestIdDeserializer;
import dev.jmcp.core.protocol.internal.RequestIdSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Params of {@code notifications/cancelled}. {@code requestId} is optional in 2025-11-25 (tasks are
 * cancelled with {@code tasks/cancel}) and required otherwise.
 *
 * @param requestId the id of the earlier request to cancel, null when absent
 * @param reason why the request was cancelled (the receiver may log or show it), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record CancelledNotification(
        @JsonSerialize(using = RequestIdSerializer.class) @JsonDeserialize(using = RequestIdDeserializer.class)
                RequestId requestId,
        String reason,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Cancels the given request.
     *
     * @param requestId the id of the earlier request to cancel, null when absent
     * @param reason why the request was cancelled (the receiver may log or show it), null when absent
     * @return the params of {@code notifications/cancelled} for the request
     */
    public static CancelledNotification of(RequestId requestId, String reason) {
        return new CancelledNotification(requestId, reason, null);
    }

    /**
     * This as a {@code notifications/cancelled} message, e.g. for a transport to hand to its session.
     *
     * @return this as a {@code notifications/cancelled} message
     */
    public JsonRpcNotification toNotification() {
        return new JsonRpcNotification(McpMethods.NOTIFICATION_CANCELLED, McpJson.toTree(this));
    }
}
