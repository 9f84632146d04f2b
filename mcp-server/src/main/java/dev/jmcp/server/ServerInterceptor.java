package dev.jmcp.server;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * Observes or intercepts every request the server serves (in the spirit of grpc-java's {@code ServerInterceptor}
 * and OkHttp's {@code Interceptor}): metrics, tracing, audit, rate limits. Registered with {@link
 * McpServer.Builder#interceptor(ServerInterceptor)}; interceptors run in registration order, the first registered
 * outermost. Every request of every era (handshake session, stateless mode, 2026-07-28 {@code _meta}) passes
 * through the chain exactly once, including requests the server rejects before their handler runs.
 *
 * <pre>{@code
 * ServerInterceptor timing = (call, chain) -> {
 *     ServerOutcome outcome = chain.proceed();
 *     metrics.record(call.method(), outcome.kind(), outcome.duration());
 *     return outcome;
 * };
 * ServerInterceptor quota = (call, chain) -> overQuota(call.authInfo())
 *         ? ServerOutcome.error(JsonRpcError.of(-32000, "quota exceeded"))
 *         : chain.proceed();
 * }</pre>
 *
 * <p>Interceptors run on the request's handler thread and may block. An interceptor short-circuits by returning
 * an outcome without calling {@link Chain#proceed()} or by throwing {@link dev.jmcp.core.McpRpcException}; the
 * client receives that error as the JSON-RPC answer.
 */
@FunctionalInterface
public interface ServerInterceptor {
    /**
     * Serves {@code call}, usually by calling {@code chain.proceed()} once and returning its outcome (possibly
     * after looking at it).
     *
     * @param call the call
     * @param chain the chain
     * @return the outcome to answer with; never null
     */
    ServerOutcome intercept(ServerCall call, Chain chain);

    /**
     * Members to add to the {@code _meta} of a request the server sends to the client while serving a request
     * ({@code sampling/createMessage}, {@code elicitation/create}, {@code roots/list} in a handshake-era session).
     * Called on the handler's thread just before the request is sent, so a tracing interceptor can inject the
     * current trace context ({@code traceparent}). Default: none.
     *
     * @param method the method of the outgoing request
     * @return the members to add (an existing member of the same name is replaced); never null
     */
    default Map<String, String> outgoingRequestMeta(String method) {
        return Map.of();
    }

    /**
     * Observes or intercepts a request the server sends the client while serving a request ({@code
     * sampling/createMessage}, {@code elicitation/create}, {@code roots/list} in a handshake-era session, and the
     * {@code tasks/*} polling of a client-side task), e.g. to trace it as a {@code CLIENT} span. Called on the
     * thread that sends it (the handler's), outermost interceptor first; usually calls {@code chain.proceed} once,
     * possibly with {@code _meta} added ({@link OutgoingRequest#withMeta}), and observes the returned stage, which
     * completes with the client's result or fails ({@link dev.jmcp.core.McpRpcException} for an error answer, {@link
     * dev.jmcp.core.McpTimeoutException}, {@link java.util.concurrent.CancellationException} when the handler gave up
     * waiting). The default adds the members of {@link #outgoingRequestMeta} and proceeds. Must not block.
     *
     * @param request the request about to be sent
     * @param chain the rest of the chain; its last link sends the request
     * @return the client's answer, as the rest of the chain produced it (possibly observed or replaced)
     */
    default CompletionStage<JsonNode> interceptOutgoing(OutgoingRequest request, OutgoingChain chain) {
        return chain.proceed(request.withMeta(outgoingRequestMeta(request.method())));
    }

    /** The rest of the chain for a request the server sends: the next interceptor, and finally the send. */
    @FunctionalInterface
    interface OutgoingChain {
        /**
         * Passes {@code request} on to the next interceptor, or sends it after the last.
         *
         * @param request the request to send (this one or one derived with {@link OutgoingRequest#withMeta})
         * @return the client's answer; fails as described at {@link ServerInterceptor#interceptOutgoing}
         */
        CompletionStage<JsonNode> proceed(OutgoingRequest request);
    }

    /** The rest of the chain: the next interceptor, and finally the method's handler. */
    interface Chain {
        /**
         * Runs the rest of the chain and returns its outcome, timed. Never throws for a failed request: failures
         * come back as an error outcome. May be called at most once.
         *
         * @return the outcome of the rest of the chain: a result or an error
         * @throws IllegalStateException when called a second time
         */
        ServerOutcome proceed();
    }
}
