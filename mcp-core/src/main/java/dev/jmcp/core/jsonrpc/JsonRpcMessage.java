package dev.jmcp.core.jsonrpc;

/**
 * One JSON-RPC 2.0 message: a {@link JsonRpcRequest}, a {@link JsonRpcNotification}, a
 * {@link JsonRpcResponse} or a {@link JsonRpcErrorResponse}. Switch over it exhaustively.
 */
public sealed interface JsonRpcMessage
        permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse, JsonRpcErrorResponse {}
