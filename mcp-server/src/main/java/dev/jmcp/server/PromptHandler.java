package dev.jmcp.server;

import dev.jmcp.core.protocol.prompts.GetPromptResult;

/**
 * Renders a prompt. Required arguments were checked before the call. An exception becomes -32603 with its message
 * ({@link dev.jmcp.core.McpRpcException} is sent as is).
 */
@FunctionalInterface
public interface PromptHandler {
    /**
     * Renders the prompt.
     *
     * @param request the request
     * @param ctx the context
     * @return the rendered prompt: its description and messages
     * @throws Exception any failure: a {@link dev.jmcp.core.McpRpcException} is answered as is, anything else as
     *     {@code -32603} with its message
     */
    GetPromptResult get(PromptRequest request, RequestContext ctx) throws Exception;
}
