package dev.jmcp.server.internal;

import dev.jmcp.core.McpRpcException;

/** A JSON-RPC error raised inside a handler's context that must reach the client as an error, not isError. */
final class ProtocolError extends McpRpcException {
    private static final long serialVersionUID = 1L;

    ProtocolError(int code, String message) {
        super(code, message);
    }

    ProtocolError(dev.jmcp.core.jsonrpc.JsonRpcError error) {
        super(error);
    }
}
