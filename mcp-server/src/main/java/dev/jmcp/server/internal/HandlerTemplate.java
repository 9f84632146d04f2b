package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.server.UrlElicitationRequiredException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The one way a user handler (tool, prompt, resource) is invoked: under the handler timeout, with
 * {@code input_required} replay (a 2026-07-28 handler that stopped at an unanswered input call answers the
 * pending {@code input_required} result, whatever it returned or threw afterwards), and the kind's own mapping
 * of failures and results.
 */
final class HandlerTemplate {
    /** Maps a handler's exception to the answer (a result, or a thrown JSON-RPC error). */
    @FunctionalInterface
    interface FailureAnswer {
        JsonNode answer(Exception failure) throws Exception;
    }

    /** Maps a handler's return value (possibly null) to the answer. */
    @FunctionalInterface
    interface ResultAnswer<T> {
        JsonNode answer(T result) throws Exception;
    }

    /** Where an unanswered input call left its {@code input_required} result (null when none). */
    @FunctionalInterface
    interface PendingInput {
        JsonNode pending();
    }

    /**
     * What differs between kinds of handler.
     *
     * @param onTimeout answers the request when the handler times out
     * @param passThrough the exceptions that propagate unchanged (even over a pending input)
     * @param onFailure maps any other exception
     * @param onResult maps the return value
     * @param <T> the handler's result type
     */
    record Policy<T>(
            HandlerTimeout.TimeoutAnswer onTimeout,
            Predicate<Exception> passThrough,
            FailureAnswer onFailure,
            ResultAnswer<T> onResult) {}

    private HandlerTemplate() {}

    /** The pass-through of prompts and resources: JSON-RPC errors and cancellations. */
    static boolean protocolOrCancel(Exception e) {
        return e instanceof McpRpcException || e instanceof McpCancelledException;
    }

    /** Asks for the URL elicitations a handler requires as input (2026-07-28); see ContextImpl. */
    @FunctionalInterface
    interface UrlInput {
        /** Throws {@link InputRequiredSignal} to ask, or returns the failure to report. */
        Exception ask(UrlElicitationRequiredException required) throws Exception;
    }

    /**
     * Runs {@code handler} in {@code ctx} in a slot of the server's {@link HandlerBulkhead} (a request that finds
     * none within the wait fails with {@code -32010}, never mapped to a tool result), under the server's handler
     * timeout, and maps its outcome.
     */
    static <T> JsonNode invoke(ServerCore core, ContextImpl ctx, Policy<T> policy, HandlerTimeout.Work<T> handler)
            throws Exception {
        return invoke(core, core.config().handlerTimeout(), ctx, policy, handler);
    }

    /** Like {@link #invoke(ServerCore, ContextImpl, Policy, HandlerTimeout.Work)}, under {@code timeout}. */
    static <T> JsonNode invoke(
            ServerCore core,
            java.time.Duration timeout,
            ContextImpl ctx,
            Policy<T> policy,
            HandlerTimeout.Work<T> handler)
            throws Exception {
        return core.config().engineLimits().bulkhead().run(new Invocation<>(ctx, timeout, policy, handler));
    }

    /**
     * One invocation as the bulkhead runs it, and the pending input and (2026-07-28) URL elicitation of its
     * context: one object per call instead of a lambda for each.
     */
    private static final class Invocation<T> implements HandlerTimeout.Work<JsonNode>, PendingInput, UrlInput {
        private final ContextImpl ctx;
        private final java.time.Duration timeout;
        private final Policy<T> policy;
        private final HandlerTimeout.Work<T> handler;

        Invocation(ContextImpl ctx, java.time.Duration timeout, Policy<T> policy, HandlerTimeout.Work<T> handler) {
            this.ctx = ctx;
            this.timeout = timeout;
            this.policy = policy;
            this.handler = handler;
        }

        @Override
        public JsonNode run() throws Exception {
            return HandlerTemplate.run(
                    this,
                    ctx.call().stateless() ? this : null,
                    policy,
                    () -> HandlerTimeout.run(ctx, timeout, policy.onTimeout(), handler));
        }

        @Override
        public JsonNode pending() {
            return ctx.pendingInput();
        }

        @Override
        public Exception ask(UrlElicitationRequiredException required) throws Exception {
            return ctx.askUrlElicitations(required);
        }
    }

    /** Runs {@code guarded} (a handler already under its timeout) and maps its outcome. */
    static <T> JsonNode run(PendingInput input, Policy<T> policy, HandlerTimeout.Work<T> guarded) throws Exception {
        return run(input, null, policy, guarded);
    }

    /**
     * Runs {@code guarded} and maps its outcome; with {@code urlInput} (2026-07-28, which has no -32042) a thrown
     * {@link UrlElicitationRequiredException} becomes an {@code input_required} result.
     */
    static <T> JsonNode run(PendingInput input, UrlInput urlInput, Policy<T> policy, HandlerTimeout.Work<T> guarded)
            throws Exception {
        T result;
        try {
            result = guarded.run();
        } catch (InputRequiredSignal signal) {
            return signal.result();
        } catch (Exception e) {
            if (urlInput != null && e instanceof UrlElicitationRequiredException required) {
                JsonNode pending = input.pending();
                if (pending != null) {
                    return pending;
                }
                Exception failure;
                try {
                    failure = urlInput.ask(required);
                } catch (InputRequiredSignal signal) {
                    return signal.result();
                }
                return policy.onFailure().answer(failure);
            }
            if (policy.passThrough().test(e)) {
                throw e;
            }
            JsonNode pending = input.pending();
            return pending != null ? pending : policy.onFailure().answer(e);
        }
        JsonNode pending = input.pending();
        return pending != null ? pending : policy.onResult().answer(result);
    }
}
