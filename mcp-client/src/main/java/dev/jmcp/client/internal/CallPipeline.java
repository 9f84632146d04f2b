package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every wire request of a client call passes through before it is sent: the application's interceptor chain
 * ({@link dev.jmcp.client.ClientInterceptor}), or {@link #DIRECT} when there is none.
 */
public interface CallPipeline {
    /** Sends at once: no interceptors. */
    CallPipeline DIRECT = (request, wire) -> wire.send(request.id(), request.params());

    /**
     * Runs the request through the pipeline; {@code wire} sends it (with the params the pipeline settled on).
     *
     * @return the result, or a failure with the error the call fails with
     */
    CompletableFuture<JsonNode> send(WireRequest request, Wire wire);

    /** Sends the final params of a request. */
    @FunctionalInterface
    interface Wire {
        /**
         * Sends the request with this id (reserved on the session before the pipeline ran; null to number it when
         * sent) and these params; completes with the server's result.
         */
        CompletableFuture<JsonNode> send(RequestId id, ObjectNode params);
    }

    /**
     * One wire request of a call.
     *
     * @param method the method
     * @param params the params, {@code _meta} included; not modified by the pipeline
     * @param version the negotiated protocol revision
     * @param options the request options
     * @param round 0 for the first request of a call, n for the n-th {@code input_required} retry
     * @param attributes what interceptors keep for the whole call: one map shared by all its rounds
     * @param connectionClosed completes when the connection the request is sent on closes (never when unknown)
     * @param id the id reserved for the request on its session ({@code McpSession.nextRequestId()}), or null
     * @param transport the transport of the connection the request is sent on, or null when unknown
     */
    record WireRequest(
            String method,
            ObjectNode params,
            ProtocolVersion version,
            RequestOptions options,
            int round,
            ConcurrentMap<Object, Object> attributes,
            CompletionStage<Void> connectionClosed,
            RequestId id,
            Transport transport) {
        /** A request with attributes of its own, no reserved id and no known connection. */
        public WireRequest(
                String method, ObjectNode params, ProtocolVersion version, RequestOptions options, int round) {
            this(
                    method,
                    params,
                    version,
                    options,
                    round,
                    new ConcurrentHashMap<>(),
                    new CompletableFuture<>(),
                    null,
                    null);
        }

        /** A request on {@code session}: with an id reserved on it, its transport and its close. */
        public static WireRequest on(
                McpSession session,
                String method,
                ObjectNode params,
                ProtocolVersion version,
                RequestOptions options,
                int round,
                ConcurrentMap<Object, Object> attributes) {
            return new WireRequest(
                    method,
                    params,
                    version,
                    options,
                    round,
                    attributes,
                    session.closeFuture(),
                    session.nextRequestId(),
                    session.transport());
        }

        /** This request with other params. */
        public WireRequest withParams(ObjectNode newParams) {
            return new WireRequest(
                    method, newParams, version, options, round, attributes, connectionClosed, id, transport);
        }
    }
}
