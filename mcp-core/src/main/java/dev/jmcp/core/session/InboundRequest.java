package dev.jmcp.core.session;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An inbound request being served: its id, method and params, its cancellation state, and the means to send
 * progress, notifications and requests that belong to it (so a multi-stream transport puts them on the
 * request's stream). Thread-safe.
 */
public final class InboundRequest {
    private final McpSession session;
    private final RequestId id;
    private final String method;
    private final JsonNode params;
    private final InboundContext context;
    private final List<Runnable> cancelCallbacks = new CopyOnWriteArrayList<>();
    private volatile String cancelReason;
    private volatile Thread handlerThread;
    private volatile boolean completed;

    InboundRequest(McpSession session, RequestId id, String method, JsonNode params, InboundContext context) {
        this.session = session;
        this.id = id;
        this.method = method;
        this.params = params;
        this.context = context;
    }

    /** The request id. */
    public RequestId id() {
        return id;
    }

    /** The method name. */
    public String method() {
        return method;
    }

    /** The params, or null when the request had none. */
    public JsonNode params() {
        return params;
    }

    /** The params' {@code _meta} object, if present. */
    public Optional<JsonNode> meta() {
        JsonNode meta = params == null ? null : params.get("_meta");
        return meta != null && meta.isObject() ? Optional.of(meta) : Optional.empty();
    }

    /** What the transport knows about the request (caller, headers). */
    public InboundContext context() {
        return context;
    }

    /** The session the request arrived on. */
    public McpSession session() {
        return session;
    }

    /** The progress token the caller attached ({@code _meta.progressToken}), if any. */
    public Optional<JsonNode> progressToken() {
        return meta().map(m -> m.get("progressToken")).filter(t -> t.isString() || t.isIntegralNumber());
    }

    /** Whether the caller cancelled the request (or the session closed). */
    public boolean isCancelled() {
        return cancelReason != null;
    }

    /** Why the request was cancelled, if it was. */
    public Optional<String> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    /** Throws {@link McpCancelledException} if the request was cancelled. */
    public void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) {
            throw new McpCancelledException(reason);
        }
    }

    /** Runs {@code callback} when the request is cancelled (at once if it already was). */
    public void onCancel(Runnable callback) {
        cancelCallbacks.add(callback);
        if (isCancelled() && cancelCallbacks.remove(callback)) {
            callback.run();
        }
    }

    /**
     * Sends {@code notifications/progress} for this request. Does nothing when the caller attached no progress
     * token, when the request was cancelled, or once it completed.
     */
    public void sendProgress(double progress, Double total, String message) {
        Optional<JsonNode> token = progressToken();
        if (token.isEmpty() || isCancelled() || completed) {
            return;
        }
        ObjectNode p = McpJson.object();
        p.set("progressToken", token.get());
        p.put("progress", progress);
        if (total != null) {
            p.put("total", total);
        }
        if (message != null) {
            p.put("message", message);
        }
        session.notify("notifications/progress", p, id);
    }

    /** Sends a notification that belongs to this request. */
    public CompletableFuture<Void> notify(String method, JsonNode params) {
        return session.notify(method, params, id);
    }

    /** Sends a request to the peer on behalf of this request (e.g. sampling or elicitation). */
    public CompletableFuture<JsonNode> request(String method, JsonNode params, RequestOptions options) {
        RequestOptions related = options.toBuilder().relatedRequestId(id).build();
        return session.request(method, params, related);
    }

    void cancel(String reason) {
        if (completed || cancelReason != null) {
            return;
        }
        cancelReason = reason == null ? "cancelled" : reason;
        Thread t = handlerThread;
        if (t != null) {
            t.interrupt();
        }
        for (Runnable r : cancelCallbacks) {
            cancelCallbacks.remove(r);
            session.runDelivery(r);
        }
    }

    void bindThread(Thread thread) {
        this.handlerThread = thread;
    }

    void markCompleted() {
        this.handlerThread = null;
        this.completed = true;
    }

    boolean isCompleted() {
        return completed;
    }
}
