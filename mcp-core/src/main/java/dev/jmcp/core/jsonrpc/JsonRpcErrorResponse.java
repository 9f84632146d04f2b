package dev.jmcp.core.jsonrpc;

import java.util.Objects;

/**
 * An error response.
 *
 * @param id the id of the request it answers; null only when that id could not be read
 * @param error the JSON-RPC error: code, message and optional data
 */
public record JsonRpcErrorResponse(RequestId id, JsonRpcError error) implements JsonRpcMessage {
    /**
     * Creates an error response; the error is required.
     *
     * @param id the id of the request it answers; null only when that id could not be read
     * @param error the JSON-RPC error: code, message and optional data
     */
    public JsonRpcErrorResponse {
        Objects.requireNonNull(error, "error");
    }
}
