package dev.jmcp.core.jsonrpc;

import dev.jmcp.core.McpException;

/**
 * Bytes that are not a valid JSON-RPC message. Carries the error to answer with (parse error or invalid
 * request) and, when it could be read, the id of the offending request.
 */
public final class JsonRpcCodecException extends McpException {
    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;
    private final transient RequestId requestId;

    /**
     * Creates an exception answering with {@code error}; {@code requestId} is null when unreadable.
     *
     * @param error the JSON-RPC error to answer with, e.g. {@code -32700} parse error
     * @param requestId the id of the offending request, or null when it could not be read
     * @param cause the parser's failure, or null
     */
    public JsonRpcCodecException(JsonRpcError error, RequestId requestId, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
        this.requestId = requestId;
    }

    /**
     * The error to send back.
     *
     * @return the error to send back
     */
    public JsonRpcError error() {
        return error;
    }

    /**
     * The id of the request that could not be decoded, or null when it could not be read.
     *
     * @return the id of the request that could not be decoded, or null when it could not be read
     */
    public RequestId requestId() {
        return requestId;
    }

    /**
     * The error response to send back for this failure.
     *
     * @return the error response to send back for this failure
     */
    public JsonRpcErrorResponse toErrorResponse() {
        return new JsonRpcErrorResponse(requestId, error);
    }
}
