package dev.jmcp.server;

import dev.jmcp.core.protocol.tools.CallToolResult;

/**
 * Runs a tool. The arguments were validated against the tool's input schema before the call. An exception becomes
 * a result with {@code isError: true} carrying its message (never a JSON-RPC error).
 */
@FunctionalInterface
public interface ToolHandler {
    /**
     * Runs the tool with the given request.
     *
     * @param request the request
     * @param ctx the context
     * @return the tool's result (an {@code isError} result for a failure the model should see)
     * @throws Exception any failure; it becomes a result with {@code isError: true} carrying its message
     */
    CallToolResult handle(ToolRequest request, RequestContext ctx) throws Exception;
}
