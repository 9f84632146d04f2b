package dev.jmcp.core.session;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.internal.DeferredHandOffs;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.RequestStreamControl;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The inbound requests of one session: dispatch (through the session's {@link SessionHandlers}) of each request to the handler executor,
 * the in-flight table, exactly one answer per request, and cancellation by the peer or by close. An inbound
 * request for an unregistered method (and no fallback) is answered {@code -32601}.
 */
final class InboundRequests {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);

    private final McpSession session;
    private final Executor handlerExecutor;
    /** Sized small: a stateless exchange carries one request; a session's table grows with its concurrency. */
    private final Map<RequestId, InboundRequest> inFlight = new ConcurrentHashMap<>(4);

    private final int maxInFlight;
    /** Answers between leaving the in-flight table and being handed to the transport. */
    private final AtomicInteger answering = new AtomicInteger();
    /** Set when someone waits for the end of in-flight work ({@link #idle()}); null otherwise. */
    private volatile CompletableFuture<Void> idle;

    InboundRequests(McpSession session, Executor handlerExecutor, int maxInFlight) {
        this.session = session;
        this.handlerExecutor = handlerExecutor;
        this.maxInFlight = maxInFlight;
    }

    /** The number of requests being handled. */
    int size() {
        return inFlight.size();
    }

    /** Hands {@code r} to its handler on the handler executor, or answers it with an error at once. */
    void dispatch(JsonRpcRequest r, InboundContext context) {
        RequestHandler handler = session.handlers().requestHandler(r.method());
        if (handler == null) {
            sendError(r.id(), JsonRpcError.of(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + r.method()));
            return;
        }
        if (inFlight.size() >= maxInFlight) {
            // checked before the request is built; concurrent dispatchers (HTTP) may overshoot by their number
            sendError(
                    r.id(),
                    JsonRpcError.of(
                            ErrorCodes.SERVER_BUSY,
                            "too many concurrent requests: " + maxInFlight + " already in flight on this session"));
            return;
        }
        InboundRequest request = new InboundRequest(session, r.id(), r.method(), r.params(), context);
        if (inFlight.putIfAbsent(r.id(), request) != null) {
            sendError(
                    r.id(), JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "request id " + r.id() + " is already in use"));
            return;
        }
        RequestHandler h = handler;
        if (h instanceof InlineRequestHandler inline && inline.inline(request)) {
            finish(request, answerOf(h, request)); // no hand-off: cheap, non-blocking, no application code
            return;
        }
        HandOff handOff = new HandOff(h, request);
        if (DeferredHandOffs.defer(handlerExecutor, handOff)) {
            return; // the transport hands it off once it released its delivery lock
        }
        try {
            handlerExecutor.execute(handOff);
        } catch (RuntimeException rejected) {
            handOff.rejected(rejected);
        }
    }

    /** A request on its way to the handler executor. */
    private final class HandOff implements DeferredHandOffs.Task {
        private final RequestHandler handler;
        private final InboundRequest request;

        HandOff(RequestHandler handler, InboundRequest request) {
            this.handler = handler;
            this.request = request;
        }

        @Override
        public void run() {
            InboundRequests.this.run(handler, request);
        }

        @Override
        public void rejected(RuntimeException e) {
            inFlight.remove(request.id(), request);
            sendError(request.id(), JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "server is overloaded"));
        }
    }

    private void run(RequestHandler handler, InboundRequest request) {
        request.bindThread(Thread.currentThread());
        JsonRpcMessage answer;
        try {
            answer = answerOf(handler, request);
        } finally {
            Thread.interrupted(); // clear a cancellation interrupt before the thread goes back to its pool
        }
        finish(request, answer);
    }

    /** Runs the handler and maps its outcome to the answer (null: none is due); leaves the request answering. */
    private JsonRpcMessage answerOf(RequestHandler handler, InboundRequest request) {
        JsonRpcMessage answer;
        try {
            request.checkCancelled();
            JsonNode result = handler.handle(request);
            answer = new JsonRpcResponse(request.id(), result == null ? McpJson.object() : result);
        } catch (McpRpcException e) {
            answer = new JsonRpcErrorResponse(request.id(), e.error());
        } catch (McpCancelledException | InterruptedException e) {
            answer = request.isCancelled()
                    ? null
                    : new JsonRpcErrorResponse(
                            request.id(), JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "request was interrupted"));
        } catch (Exception | StackOverflowError e) {
            if (request.isCancelled()) {
                answer = null;
            } else {
                LOG.debug("{}: handler of {} failed", session.name(), request.method(), e);
                String message =
                        e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                answer = new JsonRpcErrorResponse(request.id(), JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, message));
            }
        } catch (Error e) {
            // a bug, such as a NoSuchMethodError from a stale jar or a failed assertion: the peer still gets an
            // answer (without the error's details), never a request that hangs until its timeout
            LOG.warn("{}: handler of {} failed with an error", session.name(), request.method(), e);
            answer = request.isCancelled()
                    ? null
                    : new JsonRpcErrorResponse(
                            request.id(), JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "internal error"));
        } finally {
            request.markCompleted();
            answering.incrementAndGet();
            if (!request.isDeferred() || request.isAnswered()) {
                inFlight.remove(request.id(), request);
            }
        }
        return answer;
    }

    /** Sends the answer of a handler that returned (if one is due) and ends its answering phase. */
    private void finish(InboundRequest request, JsonRpcMessage answer) {
        try {
            if (answer != null && !request.isDeferred() && !request.isCancelled() && request.claimAnswer()) {
                send(request, answer);
            }
        } finally {
            answering.decrementAndGet();
            checkIdle();
        }
    }

    /** Sends the single answer of {@code request} (claimed by the caller) and forgets the request. */
    void sendAnswer(InboundRequest request, JsonRpcMessage answer) {
        answering.incrementAndGet();
        try {
            inFlight.remove(request.id(), request);
            send(request, answer);
        } finally {
            answering.decrementAndGet();
            checkIdle();
        }
    }

    /**
     * Completes once no request is in flight and every answer was handed to the transport (at once if none is).
     */
    CompletableFuture<Void> idle() {
        CompletableFuture<Void> f = idle;
        if (f == null) {
            synchronized (this) {
                f = idle;
                if (f == null) {
                    f = new CompletableFuture<>();
                    idle = f;
                }
            }
        }
        checkIdle();
        return f;
    }

    private void checkIdle() {
        CompletableFuture<Void> f = idle;
        if (f != null && answering.get() == 0 && inFlight.isEmpty()) {
            f.complete(null);
        }
    }

    private void send(InboundRequest request, JsonRpcMessage answer) {
        if (session.isClosed()) {
            return;
        }
        session.transport()
                .send(answer, OutboundContext.relatedTo(request.id()))
                .exceptionally(e -> {
                    LOG.debug("{}: cannot send answer to {}", session.name(), request.id(), e);
                    return null;
                });
    }

    /** Acts on the params of a {@code notifications/cancelled}: cancels the request it names, if in flight. */
    void onCancelled(JsonNode params) {
        RequestId id = params == null ? null : RequestId.fromJson(params.get("requestId"));
        if (id == null) {
            return;
        }
        InboundRequest r = inFlight.get(id);
        if (r != null) {
            JsonNode reason = params.get("reason");
            r.cancel(reason != null && reason.isString() ? reason.asString() : "cancelled by peer");
            if (session.transport() instanceof RequestStreamControl control) {
                control.requestAbandoned(id); // no answer will come: its stream must not wait for one
            }
            if (r.isDeferred()) {
                inFlight.remove(id, r);
                checkIdle();
            }
        }
    }

    /** Cancels every request in flight (the session closed). */
    void cancelAll(String reason) {
        if (inFlight.isEmpty()) {
            return;
        }
        for (InboundRequest r : new ArrayList<>(inFlight.values())) {
            r.cancel(reason);
        }
        inFlight.clear();
        checkIdle();
    }

    private void sendError(RequestId id, JsonRpcError error) {
        session.transport()
                .send(new JsonRpcErrorResponse(id, error), OutboundContext.relatedTo(id))
                .exceptionally(e -> null);
    }
}
