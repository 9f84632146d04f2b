package dev.jmcp.server;

import dev.jmcp.core.protocol.resources.ReadResourceResult;

/**
 * Reads a resource (static, or one matched by a template). Return null when the URI names nothing (the client gets
 * the era's resource-not-found error); throw {@link dev.jmcp.core.McpRpcException} for a specific error; any other
 * exception becomes -32603 with its message.
 */
@FunctionalInterface
public interface ResourceHandler {
    /**
     * Reads the resource.
     *
     * @param request the request
     * @param ctx the context
     * @return the resource's contents, or null when the URI names nothing
     * @throws Exception any failure: a {@link dev.jmcp.core.McpRpcException} is answered as is, anything else as
     *     {@code -32603} with its message
     */
    ReadResourceResult read(ResourceRequest request, RequestContext ctx) throws Exception;
}
