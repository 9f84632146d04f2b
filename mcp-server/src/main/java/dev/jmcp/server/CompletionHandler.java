package dev.jmcp.server;

import dev.jmcp.core.protocol.completion.Completion;

/** Suggests values for a prompt argument or a resource-template variable ({@code completion/complete}). */
@FunctionalInterface
public interface CompletionHandler {
    /**
     * Returns at most 100 values (more are cut, with {@code hasMore} set).
     *
     * @param request the request
     * @param ctx the context
     * @return at most 100 values (more are cut, with {@code hasMore} set)
     * @throws Exception any failure; the client gets a JSON-RPC error
     */
    Completion complete(CompletionRequest request, RequestContext ctx) throws Exception;
}
