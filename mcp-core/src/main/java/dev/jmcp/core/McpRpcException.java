package dev.jmcp.core;

import dev.jmcp.core.jsonrpc.JsonRpcError;
import java.util.Objects;

/**
 * A JSON-RPC error: the peer answered a request with an error, or a local handler throws this to answer with
 * one. The {@link #error()} is sent as is, so its code, message and data are what the peer sees.
 */
public class McpRpcException extends McpException {
    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;

    /**
     * Creates an exception carrying the given error.
     *
     * @param error the JSON-RPC error the peer answered or the handler raises
     */
    public McpRpcException(JsonRpcError error) {
        super(Objects.requireNonNull(error, "error").code() + ": " + error.message());
        this.error = error;
    }

    /**
     * Creates an exception with a code and message and no data.
     *
     * @param code the JSON-RPC error code; see {@link ErrorCodes}
     * @param message the error message
     */
    public McpRpcException(int code, String message) {
        this(new JsonRpcError(code, message, null));
    }

    /**
     * The JSON-RPC error this exception carries.
     *
     * @return the JSON-RPC error this exception carries
     */
    public JsonRpcError error() {
        return error;
    }

    /**
     * The error code, shorthand for {@code error().code()}.
     *
     * @return the error code, shorthand for {@code error().code()}
     */
    public int code() {
        return error.code();
    }
}
