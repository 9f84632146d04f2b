package dev.jmcp.core.session;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.RequestStreamControl;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
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
    /** Sets {@link #cancelReason} once, atomically: of two racing cancellations exactly one acts (C1). */
    private static final VarHandle CANCEL_REASON;
    /** Claims {@link #answered} once, atomically: exactly one answer (or cancellation) wins. */
    private static final VarHandle ANSWERED;
    /** Takes {@link #firstCancelCallback}: whoever takes a callback out of it runs it, once. */
    private static final VarHandle FIRST_CANCEL_CALLBACK;
    /** Installs {@link #cancelCallbacks} on the second {@link #onCancel}. */
    private static final VarHandle CANCEL_CALLBACKS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CANCEL_REASON = lookup.findVarHandle(InboundRequest.class, "cancelReason", String.class);
            ANSWERED = lookup.findVarHandle(InboundRequest.class, "answered", boolean.class);
            FIRST_CANCEL_CALLBACK = lookup.findVarHandle(InboundRequest.class, "firstCancelCallback", Runnable.class);
            CANCEL_CALLBACKS = lookup.findVarHandle(InboundRequest.class, "cancelCallbacks", List.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final McpSession session;
    private final RequestId id;
    private final String method;
    private final JsonNode params;
    private final InboundContext context;
    /**
     * The first cancel callback (a request usually has one: its handler's timeout registers it), without a list.
     * {@link #cancel} sets the reason before taking it and {@link #onCancel} stores it before reading the reason,
     * so a callback racing a cancellation is seen by at least one of them, and whoever takes it out runs it, once.
     */
    private volatile Runnable firstCancelCallback;
    /** The callbacks registered while the first slot was taken, created on demand; the same rule as above. */
    private volatile List<Runnable> cancelCallbacks;

    private volatile String cancelReason;
    private volatile Thread handlerThread;
    private volatile boolean completed;
    private volatile boolean deferred;
    /** The typed {@code _meta}, parsed on first use (a race parses it twice, harmlessly). */
    private volatile RequestMeta requestMeta;

    /** Set once by the answer or the cancellation that claims the request (through {@link #ANSWERED}). */
    private volatile boolean answered;

    InboundRequest(McpSession session, RequestId id, String method, JsonNode params, InboundContext context) {
        this.session = session;
        this.id = id;
        this.method = method;
        this.params = params;
        this.context = context;
    }

    /**
     * The request id.
     *
     * @return the request id
     */
    public RequestId id() {
        return id;
    }

    /**
     * The method name.
     *
     * @return the method name
     */
    public String method() {
        return method;
    }

    /**
     * The params, or null when the request had none.
     *
     * @return the params, or null when the request had none
     */
    public JsonNode params() {
        return params;
    }

    /**
     * The params' {@code _meta} object, if present.
     *
     * @return the params' {@code _meta} object, if present
     */
    public Optional<JsonNode> meta() {
        return Optional.ofNullable(metaObject());
    }

    /**
     * The reserved keys of the params' {@code _meta} (progress token; the 2026-07-28 protocol version, client
     * capabilities, client info and log level), parsed once on first use. All keys are null without {@code _meta}.
     *
     * @return the reserved keys of the params' {@code _meta} (progress token; the 2026-07-28 protocol version, client
     *     capabilities, client info and log level), parsed once on first use
     * @throws McpRpcException ({@code -32602}) when a reserved key holds a value of the wrong shape
     */
    public RequestMeta requestMeta() {
        RequestMeta parsed = requestMeta;
        if (parsed == null) {
            try {
                parsed = RequestMeta.from(metaObject());
            } catch (McpException e) {
                throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "invalid _meta: " + e.getMessage());
            }
            requestMeta = parsed;
        }
        return parsed;
    }

    private JsonNode metaObject() {
        JsonNode meta = params == null ? null : params.get(MetaKeys.META);
        return meta != null && meta.isObject() ? meta : null;
    }

    /**
     * What the transport knows about the request (caller, headers).
     *
     * @return what the transport knows about the request (caller, headers)
     */
    public InboundContext context() {
        return context;
    }

    /**
     * Closes the transport connection carrying this request's messages before its answer, where the transport
     * can resume it later ({@link RequestStreamControl}: Streamable HTTP, SEP-1699 polling). Messages sent
     * afterwards are kept and replayed when the client resumes.
     *
     * @return false when the transport has no such stream (stdio, a stateless exchange, a closed stream)
     */
    public boolean closeStream() {
        return session.transport() instanceof RequestStreamControl control && control.closeRequestStream(id);
    }

    /**
     * The session the request arrived on.
     *
     * @return the session the request arrived on
     */
    public McpSession session() {
        return session;
    }

    /**
     * The progress token the caller attached ({@code _meta.progressToken}), if any.
     *
     * @return the progress token the caller attached ({@code _meta.progressToken}), if any
     */
    public Optional<JsonNode> progressToken() {
        JsonNode meta = metaObject();
        JsonNode token = meta == null ? null : meta.get(MetaKeys.PROGRESS_TOKEN);
        return token != null && (token.isString() || token.isIntegralNumber()) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Whether the caller cancelled the request (or the session closed).
     *
     * @return {@code true} if the caller cancelled the request (or the session closed)
     */
    public boolean isCancelled() {
        return cancelReason != null;
    }

    /**
     * Why the request was cancelled, if it was.
     *
     * @return why the request was cancelled; empty while it is not
     */
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

    /**
     * Runs {@code callback} when the request is cancelled (at once if it already was).
     *
     * @param callback what to run on cancellation; it must not block
     */
    @SuppressWarnings("unchecked")
    public void onCancel(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (FIRST_CANCEL_CALLBACK.compareAndSet(this, (Runnable) null, callback)) {
            if (isCancelled() && FIRST_CANCEL_CALLBACK.compareAndSet(this, callback, (Runnable) null)) {
                callback.run();
            }
            return;
        }
        List<Runnable> callbacks = cancelCallbacks;
        if (callbacks == null) {
            List<Runnable> created = new CopyOnWriteArrayList<>();
            callbacks = (List<Runnable>) CANCEL_CALLBACKS.compareAndExchange(this, (List<Runnable>) null, created);
            if (callbacks == null) {
                callbacks = created;
            }
        }
        callbacks.add(callback);
        if (isCancelled() && callbacks.remove(callback)) {
            callback.run();
        }
    }

    /**
     * Sends {@code notifications/progress} for this request. Does nothing when the caller attached no progress
     * token, when the request was cancelled, or once it completed.
     *
     * @param progress the progress so far; increases with every update
     * @param total the total, or null when unknown
     * @param message a human-readable message, or null
     */
    public void sendProgress(double progress, Double total, String message) {
        Optional<JsonNode> token = progressToken();
        if (token.isEmpty() || isCancelled() || completed) {
            return;
        }
        ObjectNode p = McpJson.object();
        p.set(MetaKeys.PROGRESS_TOKEN, token.get());
        p.put("progress", progress);
        if (total != null) {
            p.put("total", total);
        }
        if (message != null) {
            p.put("message", message);
        }
        session.notify(McpMethods.NOTIFICATION_PROGRESS, p, id);
    }

    /**
     * Sends a notification that belongs to this request.
     *
     * @param method the notification method, e.g. {@code notifications/message}
     * @param params the params object, or null
     * @return completes when the transport accepted the notification
     */
    public CompletableFuture<Void> notify(String method, JsonNode params) {
        return session.notify(method, params, id);
    }

    /**
     * Sends a request to the peer on behalf of this request (e.g. sampling or elicitation).
     *
     * @param method the request method, e.g. {@code sampling/createMessage}
     * @param params the params object, or null
     * @param options timeouts and progress listener of the request
     * @return completes with the peer's result, or fails as
     *     {@link McpSession#request(String, JsonNode, RequestOptions)} describes
     */
    public CompletableFuture<JsonNode> request(String method, JsonNode params, RequestOptions options) {
        RequestOptions related = options.toBuilder().relatedRequestId(id).build();
        return session.request(method, params, related);
    }

    /**
     * Answers the request now with {@code result}, unless it was already answered or cancelled. Whatever the
     * handler returns afterwards is dropped: a request gets exactly one answer.
     *
     * @param result the result object
     * @return whether this call sent the answer
     */
    public boolean respond(JsonNode result) {
        return answer(new JsonRpcResponse(id, result == null ? McpJson.object() : result));
    }

    /**
     * Answers the request now with {@code error}, unless it was already answered or cancelled; see {@link
     * #respond}.
     *
     * @param error the JSON-RPC error to answer
     * @return whether this call sent the answer
     */
    public boolean respondError(JsonRpcError error) {
        return answer(new JsonRpcErrorResponse(id, error));
    }

    /**
     * Keeps the request open after its handler returns: the handler's return value is ignored and the request
     * stays in flight (cancellable, its thread released) until {@link #respond} or {@link #respondError} answers
     * it, the peer cancels it, or the session closes. For answers that wait on an event without pinning a thread.
     */
    public void defer() {
        deferred = true;
    }

    /**
     * Whether the request has been answered (or cancelled, which forbids an answer).
     *
     * @return {@code true} if the request has been answered (or cancelled, which forbids an answer)
     */
    public boolean isAnswered() {
        return answered;
    }

    /**
     * Cancels the request on this side: interrupts its handler and runs its cancel callbacks. Sends no answer;
     * call {@link #respond}/{@link #respondError} first to answer (for example a timeout result).
     *
     * @param reason why, passed to the cancel callbacks; may be null
     */
    public void abort(String reason) {
        cancel(reason);
    }

    /** Claims the single answer of this request; false when it was already answered or cancelled. */
    boolean claimAnswer() {
        return ANSWERED.compareAndSet(this, false, true);
    }

    boolean isDeferred() {
        return deferred;
    }

    private boolean answer(JsonRpcMessage message) {
        if (cancelReason != null || !claimAnswer()) {
            return false;
        }
        completed = true;
        session.sendAnswer(this, message);
        return true;
    }

    void cancel(String reason) {
        if (cancelReason != null || completed && handlerThread == null) {
            return;
        }
        if (!CANCEL_REASON.compareAndSet(this, (String) null, reason == null ? "cancelled" : reason)) {
            return; // another cancellation won the race and runs the callbacks
        }
        answered = true;
        Thread t = handlerThread;
        if (t != null) {
            t.interrupt();
        }
        Runnable first = (Runnable) FIRST_CANCEL_CALLBACK.getAndSet(this, (Runnable) null);
        if (first != null) {
            session.runDelivery(first);
        }
        List<Runnable> callbacks = cancelCallbacks;
        if (callbacks == null) {
            return; // no more registered; one registering now sees the reason and runs itself
        }
        for (Runnable r : callbacks) {
            // onCancel racing this loop removes its callback too: whoever removes it runs it, once
            if (callbacks.remove(r)) {
                session.runDelivery(r);
            }
        }
    }

    void bindThread(Thread thread) {
        this.handlerThread = thread;
    }

    /** The handler returned: unbinds its thread; the request is complete unless it was deferred. */
    void markCompleted() {
        this.handlerThread = null;
        if (!deferred) {
            this.completed = true;
        }
    }

    boolean isCompleted() {
        return completed;
    }
}
