package dev.jmcp.client;

/**
 * Answers one server-to-client request method of a {@link ClientExtension}, with its params bound to {@code P}.
 *
 * @param <P> the params type (a record or POJO bound by Jackson, or {@code JsonNode} for the raw params)
 */
@FunctionalInterface
public interface ClientExtensionRequestHandler<P> {
    /**
     * Returns the result: any object Jackson writes as a JSON object, or null for an empty result. Throw {@link
     * dev.jmcp.core.McpRpcException} to answer a JSON-RPC error.
     *
     * @param params the params, bound to {@code P}
     * @return the result: any object Jackson writes as a JSON object, or null for an empty result
     * @throws Exception any failure; the server gets a JSON-RPC error
     */
    Object handle(P params) throws Exception;
}
