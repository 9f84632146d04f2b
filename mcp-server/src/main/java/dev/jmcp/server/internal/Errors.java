package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.errors.ResourceNotFoundData;

/** Factories for the JSON-RPC errors the server answers with. */
public final class Errors {
    private Errors() {}

    /** -32602 with a message. */
    public static McpRpcException invalidParams(String message) {
        return new McpRpcException(ErrorCodes.INVALID_PARAMS, message);
    }

    /** -32600 with a message. */
    public static McpRpcException invalidRequest(String message) {
        return new McpRpcException(ErrorCodes.INVALID_REQUEST, message);
    }

    /** -32601 for a method. */
    public static McpRpcException methodNotFound(String method) {
        return new McpRpcException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
    }

    /** The era's resource-not-found error, with {@code data.uri}. */
    public static McpRpcException resourceNotFound(ProtocolVersion version, String uri) {
        return new McpRpcException(new JsonRpcError(
                version.resourceNotFoundCode(),
                "Resource not found: " + uri,
                McpJson.toTree(ResourceNotFoundData.of(uri))));
    }
}
