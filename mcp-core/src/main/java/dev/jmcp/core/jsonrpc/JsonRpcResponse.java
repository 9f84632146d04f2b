package dev.jmcp.core.jsonrpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A successful response.
 *
 * @param id the id of the request it answers
 * @param result the result, never null (an empty result is {@code {}})
 */
public record JsonRpcResponse(RequestId id, JsonNode result) implements JsonRpcMessage {
    /**
     * Creates a response; id and result are required.
     *
     * @param id the id of the request it answers
     * @param result the result, never null (an empty result is {@code {}})
     */
    public JsonRpcResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
    }
}
