package dev.jmcp.core.jsonrpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A notification: no id, never answered.
 *
 * @param method the method name, e.g. {@code notifications/progress}
 * @param params the params object, or null
 */
public record JsonRpcNotification(String method, JsonNode params) implements JsonRpcMessage {
    /**
     * Creates a notification; the method is required.
     *
     * @param method the method name, e.g. {@code notifications/progress}
     * @param params the params object, or null
     */
    public JsonRpcNotification {
        Objects.requireNonNull(method, "method");
    }
}
