package dev.jmcp.client;

import dev.jmcp.client.internal.CallPipeline;
import dev.jmcp.core.McpException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.session.Await;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/** Runs each wire request through the registered {@link ClientInterceptor}s, the first one outermost. */
final class InterceptorChain implements CallPipeline {
    private final List<ClientInterceptor> interceptors;
    /** The interceptors that see the connection's own requests ({@code initialize}, {@code server/discover}). */
    private final InterceptorChain connectionChain;

    private InterceptorChain(List<ClientInterceptor> interceptors, InterceptorChain connectionChain) {
        this.interceptors = interceptors;
        this.connectionChain = connectionChain;
    }

    /** The pipeline for these interceptors: {@link CallPipeline#DIRECT} when there are none. */
    static CallPipeline of(List<ClientInterceptor> interceptors) {
        if (interceptors.isEmpty()) {
            return CallPipeline.DIRECT;
        }
        List<ClientInterceptor> connection = interceptors.stream()
                .filter(ClientInterceptor::interceptsConnectionRequests)
                .toList();
        return new InterceptorChain(
                List.copyOf(interceptors), connection.isEmpty() ? null : new InterceptorChain(connection, null));
    }

    @Override
    public CompletableFuture<JsonNode> send(WireRequest request, Wire wire) {
        String method = request.method();
        if (method.equals(McpMethods.INITIALIZE)
                || method.equals(McpMethods.SERVER_DISCOVER)
                || method.equals(McpMethods.SUBSCRIPTIONS_LISTEN)) {
            return connectionChain == null
                    ? wire.send(request.id(), request.params())
                    : connectionChain.run(request, wire);
        }
        return run(request, wire);
    }

    private CompletableFuture<JsonNode> run(WireRequest request, Wire wire) {
        ClientCall call = new ClientCall(
                request.method(),
                request.params(),
                request.version(),
                request.options(),
                request.round(),
                request.attributes(),
                request.connectionClosed(),
                request.id(),
                request.transport());
        return proceed(0, call, wire, false)
                .toCompletableFuture()
                .thenCompose(outcome -> outcome.succeeded()
                        ? CompletableFuture.completedFuture(outcome.result())
                        : CompletableFuture.failedFuture(outcome.error()));
    }

    /**
     * Runs the link at {@code index} (or the wire after the last), timing it and turning failures into outcomes.
     *
     * @param repeat whether an interceptor above already sent this call once (a retry): the wire then numbers it
     *     afresh, since a request id is never sent twice in a session
     */
    private CompletionStage<CallOutcome> proceed(int index, ClientCall call, Wire wire, boolean repeat) {
        long start = System.nanoTime();
        CompletionStage<CallOutcome> below;
        try {
            below = index == interceptors.size()
                    ? wire.send(repeat ? null : call.requestId(), call.sentParams())
                            .thenApply(CallOutcome::answered)
                    : interceptors.get(index).intercept(new Link(index, call, wire, repeat));
        } catch (RuntimeException e) {
            below = CompletableFuture.failedFuture(e);
        }
        if (below == null) {
            below = CompletableFuture.failedFuture(
                    new McpException("client interceptor " + interceptors.get(index) + " returned null"));
        }
        return below.handle((outcome, err) -> {
            CallOutcome o = err != null
                    ? CallOutcome.failure(Await.unwrap(err))
                    : outcome != null
                            ? outcome
                            : CallOutcome.failure(new McpException("client interceptor returned a null outcome"));
            return o.withDuration(Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /** The chain as the interceptor at {@code index} sees it. */
    private final class Link implements ClientInterceptor.Chain {
        private final int index;
        private final ClientCall call;
        private final Wire wire;
        private final boolean repeat;
        private boolean proceeded;

        Link(int index, ClientCall call, Wire wire, boolean repeat) {
            this.index = index;
            this.call = call;
            this.wire = wire;
            this.repeat = repeat;
        }

        @Override
        public ClientCall call() {
            return call;
        }

        @Override
        public CompletionStage<CallOutcome> proceed(ClientCall next) {
            boolean again = repeat || proceeded;
            proceeded = true;
            return InterceptorChain.this.proceed(index + 1, Objects.requireNonNull(next, "call"), wire, again);
        }
    }
}
