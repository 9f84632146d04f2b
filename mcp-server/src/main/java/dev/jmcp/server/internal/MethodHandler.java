package dev.jmcp.server.internal;

import tools.jackson.databind.JsonNode;

/** Serves one MCP method for a resolved {@link Call}. */
@FunctionalInterface
public interface MethodHandler {
    /** Returns the result object; throw {@link dev.jmcp.core.McpRpcException} to answer an error. */
    JsonNode handle(Call call) throws Exception;
}
