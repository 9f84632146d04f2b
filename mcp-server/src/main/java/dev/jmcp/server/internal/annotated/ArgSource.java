package dev.jmcp.server.internal.annotated;

import dev.jmcp.server.RequestContext;

/** Produces one argument of a handler method for one request. */
@FunctionalInterface
interface ArgSource {
    /**
     * The argument's value.
     *
     * @param request the kind's request view (ToolRequest, PromptRequest, ResourceRequest, CompletionRequest)
     */
    Object get(RequestContext ctx, Object request);
}
