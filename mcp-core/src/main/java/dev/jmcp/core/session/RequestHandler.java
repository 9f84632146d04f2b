package dev.jmcp.core.session;

import tools.jackson.databind.JsonNode;

/**
 * Answers one inbound request. Runs on the session's handler executor, never on a transport thread (except an
 * {@link InlineRequestHandler}, for the requests it chooses).
 *
 * <p>Return the result object (never null: an empty result is {@code {}}). Throw {@link
 * dev.jmcp.core.McpRpcException} to answer with that JSON-RPC error; any other exception answers {@code -32603}
 * with its message. When the peer cancels the request, the handler's thread is interrupted and whatever it
 * returns is dropped.
 */
@FunctionalInterface
public interface RequestHandler {
    /**
     * Handles the request and returns its result.
     *
     * @param request the inbound request, with its params, context and means to answer early or report progress
     * @return the result object, never null (an empty result is <code>{}</code>)
     * @throws Exception to answer an error: an {@link dev.jmcp.core.McpRpcException} answers with its JSON-RPC error,
     *     any other exception with {@code -32603} and its message
     */
    JsonNode handle(InboundRequest request) throws Exception;
}
