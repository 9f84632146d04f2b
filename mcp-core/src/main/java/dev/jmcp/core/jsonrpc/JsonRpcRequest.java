package dev.jmcp.core.jsonrpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A request: expects exactly one response with the same id.
 *
 * @param id the request id, unique among the sender's requests in flight
 * @param method the method name, e.g. {@code tools/call}
 * @param params the params object, or null when the request has none
 */
public record JsonRpcRequest(RequestId id, String method, JsonNode params) implements JsonRpcMessage {
    /**
     * Creates a request; id and method are required.
     *
     * @param id the request id, unique among the sender's requests in flight
     * @param method the method name, e.g. {@code tools/call}
     * @param params the params object, or null when the request has none
     */
    public JsonRpcRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
    }
}
