package dev.jmcp.core.session;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbound requests of one session awaiting their answer: it numbers them, applies their timeouts (progress
 * may extend one up to its hard maximum), routes progress to their listeners and completes their futures on the
 * delivery executor. A caller cancelling a future, or a timeout, tells the peer through {@code cancelSender},
 * unless the request is not {@linkplain RequestOptions#cancellable() cancellable}.
 */
final class PendingRequests {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);

    private final String name;
    private final Executor delivery;
    private final Duration requestTimeout;
    private final Duration maxRequestTimeout;
    private final BiConsumer<RequestId, String> cancelSender;
    private final Map<RequestId, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    PendingRequests(
            String name,
            Executor delivery,
            Duration requestTimeout,
            Duration maxRequestTimeout,
            BiConsumer<RequestId, String> cancelSender) {
        this.name = name;
        this.delivery = delivery;
        this.requestTimeout = requestTimeout;
        this.maxRequestTimeout = maxRequestTimeout;
        this.cancelSender = cancelSender;
    }

    /** A new request with the next id, not tracked yet. */
    Pending open(String method, RequestOptions options) {
        return new Pending(nextId(), method, options);
    }

    /** The next id, reserved for a request sent later. */
    RequestId nextId() {
        return RequestId.of(nextId.getAndIncrement());
    }

    /**
     * Sends a request on {@code transport} and tracks it; with a progress listener, its params carry the request id
     * as progress token. With {@code closedFailure} (the session is closed) the future fails with it at once.
     */
    CompletableFuture<JsonNode> send(
            Transport transport,
            RequestId reserved,
            String method,
            JsonNode params,
            RequestOptions options,
            McpTransportException closedFailure) {
        Pending p = reserved == null ? open(method, options) : new Pending(reserved, method, options);
        if (closedFailure != null) {
            p.future.completeExceptionally(closedFailure);
            return p.future;
        }
        boolean tracked = reserved != null && pending.putIfAbsent(reserved, p) == null;
        if (reserved != null && !tracked) {
            p = open(method, options); // the reserved id was sent already (a chain that proceeded twice)
        }
        RequestId id = p.id;
        JsonNode sentParams = params;
        if (options.progressListener() != null) {
            ObjectNode copy = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
            JsonNode meta = copy.get(MetaKeys.META);
            ObjectNode metaObj = meta != null && meta.isObject() ? (ObjectNode) meta : copy.putObject(MetaKeys.META);
            metaObj.set(MetaKeys.PROGRESS_TOKEN, id.toJson());
            sentParams = copy;
        }
        if (tracked) {
            p.armTimeout();
        } else {
            track(p);
        }
        transport
                .send(new JsonRpcRequest(id, method, sentParams), options.outboundContext())
                .whenComplete((ok, err) -> {
                    if (err != null) {
                        fail(id, sendFailure(method, err));
                    }
                });
        return p.future;
    }

    /**
     * Why sending a request failed: a specific non-transport {@link McpException} the transport failed with (e.g.
     * an OAuth error from an HTTP authorizer) reaches the caller as it is; anything else becomes an {@link
     * McpTransportException}.
     */
    private static McpException sendFailure(String method, Throwable err) {
        Throwable cause = err;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof McpException m
                && m.getClass() != McpException.class
                && !(m instanceof McpTransportException)) {
            return m;
        }
        return new McpTransportException("cannot send " + method + ": " + cause.getMessage(), cause);
    }

    /** Tracks {@code p} until its answer and starts its timeout. */
    void track(Pending p) {
        pending.put(p.id, p);
        p.armTimeout();
    }

    /** The number of requests awaiting an answer. */
    int size() {
        return pending.size();
    }

    /** Fails the request {@code id}, if it is still pending. */
    void fail(RequestId id, McpException error) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.cancelTimer();
            delivery.execute(() -> p.future.completeExceptionally(error));
        }
    }

    /**
     * Fails every pending request with {@code failure} (the session closed): each leaves the table at once, and
     * its future fails on the delivery executor, never on the closing thread, so the callers' dependent callbacks
     * do not run inside the close (which may hold a transport's lock) (C2).
     */
    void failAll(McpTransportException failure) {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> failed = new ArrayList<>(pending.size());
        for (Pending p : new ArrayList<>(pending.values())) {
            if (pending.remove(p.id, p)) {
                p.cancelTimer();
                failed.add(p);
            }
        }
        Runnable failAll = () -> failed.forEach(p -> p.future.completeExceptionally(failure));
        try {
            delivery.execute(failAll);
        } catch (RuntimeException rejected) {
            failAll.run(); // the application's delivery executor was shut down: better here than never
        }
    }

    /** Completes the request the response answers; a response for an unknown id is logged and dropped. */
    void complete(JsonRpcResponse r) {
        Pending p = pending.remove(r.id());
        if (p == null) {
            LOG.debug("{}: dropping response for unknown id {}", name, r.id());
            return;
        }
        p.cancelTimer();
        delivery.execute(() -> p.future.complete(r.result()));
    }

    /** Fails the request the error answers; an error for an unknown (or no) id is logged and dropped. */
    void complete(JsonRpcErrorResponse e) {
        Pending p = e.id() == null ? null : pending.remove(e.id());
        if (p == null) {
            LOG.debug("{}: dropping error response for unknown id {}: {}", name, e.id(), e.error());
            return;
        }
        p.cancelTimer();
        delivery.execute(() -> p.future.completeExceptionally(new McpRpcException(e.error())));
    }

    /** Routes the params of a {@code notifications/progress} to the listener of the request it belongs to. */
    void onProgress(JsonNode params) {
        RequestId token = params == null ? null : RequestId.fromJson(params.get("progressToken"));
        JsonNode progress = params == null ? null : params.get("progress");
        if (token == null || progress == null || !progress.isNumber()) {
            return;
        }
        Pending p = pending.get(token);
        if (p == null || p.options.progressListener() == null) {
            return;
        }
        if (p.options.resetTimeoutOnProgress()) {
            p.armTimeout();
        }
        JsonNode total = params.get("total");
        JsonNode message = params.get("message");
        double value = progress.doubleValue();
        Double totalValue = total != null && total.isNumber() ? total.doubleValue() : null;
        String text = message != null && message.isString() ? message.asString() : null;
        delivery.execute(() -> {
            if (!p.future.isDone()) {
                p.options.progressListener().onProgress(value, totalValue, text);
            }
        });
    }

    /** An outbound request awaiting its answer. */
    final class Pending {
        final RequestId id;
        final String method;
        final RequestOptions options;
        final long startNanos = System.nanoTime();
        final CompletableFuture<JsonNode> future;
        private ScheduledFuture<?> timer;

        Pending(RequestId id, String method, RequestOptions options) {
            this.id = id;
            this.method = method;
            this.options = options;
            this.future = new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    boolean cancelled = super.cancel(mayInterruptIfRunning);
                    if (cancelled && pending.remove(id) != null) {
                        cancelTimer();
                        if (options.cancellable()) {
                            cancelSender.accept(id, "cancelled by caller");
                        }
                    }
                    return cancelled;
                }
            };
        }

        synchronized void armTimeout() {
            cancelTimer();
            Duration timeout = options.timeout() != null ? options.timeout() : requestTimeout;
            Duration max = options.maxTotalTimeout() != null ? options.maxTotalTimeout() : maxRequestTimeout;
            long elapsed = System.nanoTime() - startNanos;
            long remainingMax = max.toNanos() - elapsed;
            long delay = Math.min(timeout.toNanos(), remainingMax);
            Duration effective = delay == remainingMax ? max : timeout;
            timer = Timers.schedule(() -> onTimeout(effective), delay);
        }

        synchronized void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void onTimeout(Duration timeout) {
            if (pending.remove(id, this)) {
                if (options.cancellable()) {
                    cancelSender.accept(id, "timed out after " + timeout.toMillis() + " ms");
                }
                delivery.execute(() -> future.completeExceptionally(new McpTimeoutException(
                        "request " + id + " (" + method + ") timed out after " + timeout.toMillis() + " ms", timeout)));
            }
        }
    }
}
