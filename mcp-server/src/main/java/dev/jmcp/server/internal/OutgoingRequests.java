package dev.jmcp.server.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.TransportMetadata;
import dev.jmcp.server.OutgoingRequest;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a request the server sends the client through the interceptors' {@link ServerInterceptor#interceptOutgoing}
 * chain, outermost first, and then sends it with the id reserved for it. Used only when interceptors are
 * registered; cancelling the returned future cancels the request on the wire (the client is told).
 */
final class OutgoingRequests {
    /** The last link: sends the request with its reserved id and final params. */
    @FunctionalInterface
    interface Wire {
        /** Sends with {@code id} (reserved on the session) and {@code params}; completes with the client's result. */
        CompletableFuture<JsonNode> send(RequestId id, JsonNode params);
    }

    private OutgoingRequests() {}

    /**
     * Sends {@code method} with {@code params} through {@code interceptors}, then {@code wire}.
     *
     * @param engine the session the request is sent on (its id is reserved there)
     * @param call the request being served
     */
    static CompletableFuture<JsonNode> send(
            List<ServerInterceptor> interceptors,
            Call call,
            McpSession engine,
            String method,
            JsonNode params,
            Wire wire) {
        ObjectNode copy = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
        Sent sent = new Sent();
        CompletionStage<JsonNode> stage;
        try {
            stage = new Link(interceptors, 0, wire, sent, false)
                    .proceed(new Request(method, engine.nextRequestId(), copy, call));
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, err) -> {
            if (err != null) {
                sent.completeExceptionally(
                        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err);
            } else {
                sent.complete(result);
            }
        });
        return sent;
    }

    /** The answer the caller waits on; cancelling it cancels the request on the wire. */
    private static final class Sent extends CompletableFuture<JsonNode> {
        private volatile CompletableFuture<JsonNode> wire;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            CompletableFuture<JsonNode> w = wire;
            if (w != null) {
                w.cancel(mayInterruptIfRunning);
            }
            return cancelled;
        }
    }

    /**
     * The chain as the interceptor at {@code index} sees it; {@code repeat} when an interceptor above already sent
     * the request once (a retry), which then goes out under a fresh id (an id is never sent twice in a session).
     */
    private static final class Link implements ServerInterceptor.OutgoingChain {
        private final List<ServerInterceptor> interceptors;
        private final int index;
        private final Wire wire;
        private final Sent sent;
        private final boolean repeat;
        private boolean proceeded;

        Link(List<ServerInterceptor> interceptors, int index, Wire wire, Sent sent, boolean repeat) {
            this.interceptors = interceptors;
            this.index = index;
            this.wire = wire;
            this.sent = sent;
            this.repeat = repeat;
        }

        @Override
        public CompletionStage<JsonNode> proceed(OutgoingRequest request) {
            Request r = (Request) Objects.requireNonNull(request, "request");
            boolean again = repeat || proceeded;
            proceeded = true;
            if (index == interceptors.size()) {
                CompletableFuture<JsonNode> w = wire.send(again ? null : r.requestId(), r.params);
                sent.wire = w;
                if (sent.isCancelled()) {
                    w.cancel(true);
                }
                return w;
            }
            ServerInterceptor interceptor = interceptors.get(index);
            CompletionStage<JsonNode> below =
                    interceptor.interceptOutgoing(r, new Link(interceptors, index + 1, wire, sent, again));
            if (below == null) {
                throw new McpException("server interceptor " + interceptor + " returned null for " + r.method());
            }
            return below;
        }
    }

    /** An outgoing request: the params it will be sent with (owned, never handed out), and what it is made for. */
    private static final class Request implements OutgoingRequest {
        private final String method;
        private final RequestId id;
        private final ObjectNode params;
        private final Call call;

        Request(String method, RequestId id, ObjectNode params, Call call) {
            this.method = method;
            this.id = id;
            this.params = params;
            this.call = call;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public RequestId requestId() {
            return id;
        }

        @Override
        public JsonNode params() {
            return params.deepCopy();
        }

        @Override
        public OutgoingRequest withMeta(Map<String, String> members) {
            if (members.isEmpty()) {
                return this;
            }
            ObjectNode copy = params.deepCopy();
            JsonNode meta = copy.get("_meta");
            ObjectNode target = meta != null && meta.isObject() ? (ObjectNode) meta : copy.putObject("_meta");
            members.forEach(target::put);
            return new Request(method, id, copy, call);
        }

        @Override
        public ProtocolVersion protocolVersion() {
            return call.version();
        }

        @Override
        public RequestId servedRequestId() {
            return call.request().id();
        }

        @Override
        public TransportMetadata transport() {
            return call.request().context().transport();
        }

        @Override
        public Optional<ServerSession> session() {
            return call.stateless() || call.session().isStatelessMode()
                    ? Optional.empty()
                    : Optional.of(call.session());
        }

        @Override
        public String toString() {
            return method + " " + id;
        }
    }
}
