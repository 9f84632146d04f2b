package dev.jmcp.core.jsonrpc;

/**
 * One JSON-RPC 2.0 message: a {@link JsonRpcRequest}, a {@link JsonRpcNotification}, a
 * {@link JsonRpcResponse} or a {@link JsonRpcErrorResponse}. Switch over it exhaustively.
 */
public sealed interface JsonRpcMessage
        permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse, JsonRpcErrorResponse {

    /**
     * The id of the request this message answers: the id of a response or an error response; null for a request, a
     * notification, or an error response that answers no id (a parse error).
     *
     * @return the id of the request this message answers
     */
    default RequestId answeredId() {
        if (this instanceof JsonRpcResponse r) {
            return r.id();
        }
        if (this instanceof JsonRpcErrorResponse e) {
            return e.id();
        }
        return null;
    }
}
