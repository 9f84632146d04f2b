package dev.jmcp.server;

/**
 * Serves one request method of a {@link ServerExtension}, with its params bound to {@code P}.
 *
 * @param <P> the params type (a record or POJO bound by Jackson, or {@code JsonNode} for the raw params)
 */
@FunctionalInterface
public interface ExtensionRequestHandler<P> {
    /**
     * Returns the result: any object Jackson writes as a JSON object (a record, a map, an {@code ObjectNode}), or
     * null for an empty result. Throw {@link dev.jmcp.core.McpRpcException} to answer a JSON-RPC error; any other
     * exception answers {@code -32603}.
     *
     * @param params the request's params ({@code _meta} included when {@code P} has such a member)
     * @param context the request: revision, caller, the client's extensions, progress, logging, cancellation
     * @return the result: any object Jackson writes as a JSON object (a record, a map, an {@code ObjectNode}), or null
     *     for an empty result
     * @throws Exception any failure: a {@link dev.jmcp.core.McpRpcException} is answered as is, anything else as
     *     {@code -32603}
     */
    Object handle(P params, RequestContext context) throws Exception;
}
