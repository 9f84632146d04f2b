package dev.jmcp.server;

import java.util.Map;

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
