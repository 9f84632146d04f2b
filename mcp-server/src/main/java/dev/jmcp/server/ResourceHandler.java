package dev.jmcp.server;

import dev.jmcp.core.protocol.resources.ReadResourceResult;

/**
 * Reads a resource (static, or one matched by a template). Return null when the URI names nothing (the client gets
 * the era's resource-not-found error); throw {@link dev.jmcp.core.McpRpcException} for a specific error; any other
 * exception becomes -32603 with its message.
 */
@FunctionalInterface
public interface ResourceHandler {
    /** Reads the resource. */
    ReadResourceResult read(ResourceRequest request, RequestContext ctx) throws Exception;
}
