package dev.jmcp.client;

import java.util.concurrent.CompletionStage;

/**
 * A link of the client's call chain, in the spirit of OkHttp's {@code Interceptor}: sees every request the client
 * sends for a call ({@link ClientCall}: method, params, {@code _meta}, protocol version, options) and its
 * {@link CallOutcome} (result or error, and how long it took). Register with
 * {@link McpClientBuilder#interceptor}; the first registered is the outermost.
 *
 * <p>An interceptor usually calls {@link Chain#proceed} once, possibly with a call that carries extra
 * {@code _meta} ({@link ClientCall#withMeta}), and observes or returns the outcome. It may instead short-circuit:
 * return {@link CallOutcome#success} to answer the call itself, or {@link CallOutcome#failure} (or throw) to fail
 * it; nothing is sent then.
 *
 * <pre>{@code
 * ClientInterceptor timing = chain -> chain.proceed(chain.call()).thenApply(outcome -> {
 *     metrics.record(chain.call().method(), outcome.duration(), outcome.succeeded());
 *     return outcome;
 * });
 * }</pre>
 *
 * <p><b>What one interception is.</b> One wire request: each round of a 2026-07-28 {@code input_required}
 * exchange is its own interception ({@link ClientCall#round()} counts them), with the {@code inputResponses} and
 * {@code requestState} of that round in its params, and an {@code input_required} result as its outcome; the
 * rounds share {@link ClientCall#attributes()}. Calls refused before sending (a missing server capability) are not
 * intercepted, nor are the connection's own requests ({@code server/discover}, {@code initialize},
 * {@code subscriptions/listen}) unless the interceptor {@linkplain #interceptsConnectionRequests() asks}. A
 * {@code subscriptions/listen} (2026-07-28) is a long-lived stream: its outcome arrives when the stream ends, with a
 * {@link dev.jmcp.core.McpCancelledException} when the client closed the subscription. The outcome is that of the
 * wire request: mapping the result to a typed record and checking a tool's output schema happen after the chain.
 *
 * <p>Interceptors run on the calling thread for the first round and on the handler executor for later rounds;
 * outcomes arrive on the session's delivery thread. They must not block.
 */
@FunctionalInterface
public interface ClientInterceptor {
    /**
     * Intercepts one request. The returned stage may also fail or the method may throw: the call then fails with
     * that exception (as an {@link dev.jmcp.core.McpException}).
     *
     * @param chain the chain
     * @return a stage that completes with the call's outcome
     */
    CompletionStage<CallOutcome> intercept(Chain chain);

    /**
     * Whether this interceptor also sees the connection's own requests: {@code server/discover} and {@code
     * initialize} (run on the thread that connects), and each {@code subscriptions/listen} stream (run on the thread
     * that subscribes, or reconnects), e.g. to trace the handshake and the streams. False by default.
     *
     * @return whether to intercept the connection's own requests
     */
    default boolean interceptsConnectionRequests() {
        return false;
    }

    /** The rest of the chain, as seen by one interceptor. */
    interface Chain {
        /**
         * The call as the previous interceptor passed it on.
         *
         * @return the call as the previous interceptor passed it on
         */
        ClientCall call();

        /**
         * Passes {@code call} to the next interceptor, or sends it when this is the last one. The returned stage
         * never fails: a failure becomes a {@link CallOutcome#failure} whose {@link CallOutcome#duration()} is the
         * time spent below this link.
         *
         * @param call the call
         * @return a stage that completes with the outcome of the rest of the chain
         */
        CompletionStage<CallOutcome> proceed(ClientCall call);
    }
}
