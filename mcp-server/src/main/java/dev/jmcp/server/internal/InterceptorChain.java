package dev.jmcp.server.internal;

import dev.jmcp.core.McpRpcException;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Runs the user's {@link ServerInterceptor}s around the serving of one request, outermost first, and turns the
 * final outcome back into what the engine expects: a result, or the exception that produced the error.
 */
final class InterceptorChain {
    /** The end of the chain: serves the request. */
    @FunctionalInterface
    interface Terminal {
        /** The result of the request; throws to answer an error. */
        JsonNode serve() throws Exception;

        /** The answer sent before {@link #serve()} returned (a handler timeout), or null. */
        default ServerOutcome answeredEarly() {
            return null;
        }
    }

    private final List<ServerInterceptor> interceptors;
    private final boolean mayBlock;

    InterceptorChain(List<ServerInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.mayBlock = interceptors.stream().anyMatch(i -> !(i instanceof NonBlockingInterceptor));
    }

    /** Whether an interceptor that may block (one of the application's) runs on every request. */
    boolean mayBlock() {
        return mayBlock;
    }

    /** Whether no interceptor is registered (the router then skips building the call view). */
    boolean isEmpty() {
        return interceptors.isEmpty();
    }

    /** Serves {@code call} through every interceptor and then {@code terminal}. */
    JsonNode run(ServerCall call, Terminal terminal) throws Exception {
        return unwrap(new Link(0, call, terminal).proceed());
    }

    /** The engine's view of an outcome: a result is returned, an error or cancellation thrown. */
    static JsonNode unwrap(ServerOutcome outcome) throws Exception {
        if (outcome.kind() == ServerOutcome.Kind.RESULT) {
            return outcome.result().orElseThrow();
        }
        Throwable cause = outcome.cause().orElse(null);
        if (cause instanceof Exception e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new McpRpcException(outcome.error().orElseThrow());
    }

    private final class Link implements ServerInterceptor.Chain {
        private final int index;
        private final ServerCall call;
        private final Terminal terminal;
        private boolean proceeded;

        Link(int index, ServerCall call, Terminal terminal) {
            this.index = index;
            this.call = call;
            this.terminal = terminal;
        }

        @Override
        public ServerOutcome proceed() {
            if (proceeded) {
                throw new IllegalStateException("proceed() may be called only once");
            }
            proceeded = true;
            long start = System.nanoTime();
            ServerOutcome outcome;
            try {
                if (index == interceptors.size()) {
                    outcome = serveTerminal();
                } else {
                    ServerInterceptor interceptor = interceptors.get(index);
                    outcome = interceptor.intercept(call, new Link(index + 1, call, terminal));
                    if (outcome == null) {
                        throw new IllegalStateException(
                                "interceptor " + interceptor.getClass().getName() + " returned no outcome");
                    }
                }
            } catch (Exception | StackOverflowError e) {
                outcome = ServerOutcome.failure(e);
            }
            return outcome.withDuration(Duration.ofNanos(System.nanoTime() - start));
        }

        /** The handler's outcome, unless the request was answered before it returned: then that answer. */
        private ServerOutcome serveTerminal() {
            ServerOutcome outcome;
            try {
                outcome = ServerOutcome.result(terminal.serve());
            } catch (Exception | StackOverflowError e) {
                outcome = ServerOutcome.failure(e);
            }
            ServerOutcome early = terminal.answeredEarly();
            return early != null ? early : outcome;
        }
    }
}
