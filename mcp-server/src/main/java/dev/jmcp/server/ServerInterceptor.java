package dev.jmcp.server;

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
     * @return the outcome to answer with; never null
     */
    ServerOutcome intercept(ServerCall call, Chain chain);

    /** The rest of the chain: the next interceptor, and finally the method's handler. */
    interface Chain {
        /**
         * Runs the rest of the chain and returns its outcome, timed. Never throws for a failed request: failures
         * come back as an error outcome. May be called at most once.
         *
         * @throws IllegalStateException when called a second time
         */
        ServerOutcome proceed();
    }
}
