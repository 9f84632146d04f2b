package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.RequestOptions;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every wire request of a client call passes through before it is sent: the application's interceptor chain
 * ({@link dev.jmcp.client.ClientInterceptor}), or {@link #DIRECT} when there is none.
 */
public interface CallPipeline {
    /** Sends at once: no interceptors. */
    CallPipeline DIRECT = (request, wire) -> wire.send(request.params());

    /**
     * Runs the request through the pipeline; {@code wire} sends it (with the params the pipeline settled on).
     *
     * @return the result, or a failure with the error the call fails with
     */
    CompletableFuture<JsonNode> send(WireRequest request, Wire wire);

    /** Sends the final params of a request. */
    @FunctionalInterface
    interface Wire {
        /** Sends the request with these params; completes with the server's result. */
        CompletableFuture<JsonNode> send(ObjectNode params);
    }

    /**
     * One wire request of a call.
     *
     * @param method the method
     * @param params the params, {@code _meta} included; not modified by the pipeline
     * @param version the negotiated protocol revision
     * @param options the request options
     * @param round 0 for the first request of a call, n for the n-th {@code input_required} retry
     */
    record WireRequest(String method, ObjectNode params, ProtocolVersion version, RequestOptions options, int round) {}
}
