package dev.jmcp.core.jsonrpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The {@code error} member of a JSON-RPC error response.
 *
 * @param code the error code; see {@link dev.jmcp.core.ErrorCodes}
 * @param message a short description
 * @param data optional further detail, or null
 */
public record JsonRpcError(int code, String message, JsonNode data) {
    /**
     * Creates an error; a null message becomes the empty string.
     *
     * @param code the error code; see {@link dev.jmcp.core.ErrorCodes}
     * @param message a short description
     * @param data optional further detail, or null
     */
    public JsonRpcError {
        message = Objects.requireNonNullElse(message, "");
    }

    /**
     * An error with no data.
     *
     * @param code the error code; see {@link dev.jmcp.core.ErrorCodes}
     * @param message a short description of the error
     * @return an error with no data
     */
    public static JsonRpcError of(int code, String message) {
        return new JsonRpcError(code, message, null);
    }
}
