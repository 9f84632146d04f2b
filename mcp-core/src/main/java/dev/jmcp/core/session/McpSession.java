package dev.jmcp.core.session;

import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.internal.SerialExecutor;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.JsonRpcResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.notifications.CancelledNotification;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.Transport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The session engine: one JSON-RPC conversation over one {@link Transport}, used by both server and client.
 *
 * <p>It numbers outbound requests, tracks them until their answer, applies timeouts (progress may extend them
 * up to a hard maximum), sends {@code notifications/cancelled} when a caller cancels or a request times out,
 * routes progress to per-request listeners, and dispatches inbound requests and notifications to registered
 * handlers. An inbound request for an unregistered method is answered {@code -32601}; a response for an unknown
 * id is logged and dropped; {@link #close()} fails every pending request at once.
 *
 * <h2>Threads</h2>
 * Transport threads never run user code. Request handlers run on the handler executor (a virtual thread per
 * request on JDK 21+, a bounded pool on 17, or the application's own), except the requests an {@link
 * InlineRequestHandler} answers on the delivering thread (such as {@code ping}). Responses, progress and notifications
 * are delivered one at a time per session, in arrival order, on the delivery executor. The futures returned by
 * {@link #request} complete on that delivery thread: chain heavy work with an {@code ...Async} method.
 */
public final class McpSession implements ServerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);
    // flags as fields, not Atomic* objects: an engine session lives for one request on a stateless exchange
    private static final VarHandle STARTED;
    private static final VarHandle CLOSED;
    private static final VarHandle CLOSE_CAUSE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STARTED = lookup.findVarHandle(McpSession.class, "started", boolean.class);
            CLOSED = lookup.findVarHandle(McpSession.class, "closed", boolean.class);
            CLOSE_CAUSE = lookup.findVarHandle(McpSession.class, "closeCause", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Default timeout of an outbound request without answer or progress. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default hard maximum of an outbound request, whatever progress arrives. */
    public static final Duration DEFAULT_MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /**
     * Default cap on the inbound requests one session handles at once (including deferred ones); a request over
     * it is answered {@link dev.jmcp.core.ErrorCodes#SERVER_BUSY} ({@code -32010}) "too many concurrent
     * requests" without running.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 256;

    private final Transport transport;
    private final String name;
    private final Executor deliveryExecutor;
    /** Created by the first delivery: a session that only answers requests may never deliver anything. */
    private volatile SerialExecutor delivery;

    private final Duration requestTimeout;
    private final Duration maxRequestTimeout;
    private final InboundRequests inbound;
    /** Set once by {@link #start()} (through {@link #STARTED}). */
    private volatile boolean started;
    /** Set once by the first close (through {@link #CLOSED}). */
    private volatile boolean closed;
    /** The first cause given to a close, set (through {@link #CLOSE_CAUSE}) before {@link #closed}. */
    private volatile Throwable closeCause;

    private final CloseListeners closeListeners;
    private final List<Runnable> closeHooks;
    private final Object attachment;
    /** Shared with every session built from the same table; replaced (copy on write) by the setters. */
    private volatile SessionHandlers handlers;
    /** Created by the first outbound request: a session that only answers (a stateless exchange) needs none. */
    private volatile PendingRequests pending;

    private volatile ProtocolVersion protocolVersion;

    private McpSession(Builder b) {
        this.transport = b.transport;
        this.name = b.name;
        this.deliveryExecutor = b.deliveryExecutor;
        this.requestTimeout = b.requestTimeout;
        this.maxRequestTimeout = b.maxRequestTimeout;
        this.inbound = new InboundRequests(
                this,
                b.handlerExecutor != null ? b.handlerExecutor : HandlerExecutors.handlers(),
                b.maxInFlightRequests);
        this.handlers = b.handlers();
        this.closeListeners = new CloseListeners(this, b.closeListeners);
        this.closeHooks = b.closeHooks == null ? List.of() : b.closeHooks;
        this.attachment = b.attachment;
    }

    /**
     * A builder for a session over {@code transport}.
     *
     * @param transport the transport the session reads from and writes to
     * @return a new builder
     */
    public static Builder builder(Transport transport) {
        return new Builder(transport);
    }

    /**
     * Starts reading from the transport. Call once, after registering handlers.
     *
     * @return this session
     */
    public McpSession start() {
        if (!STARTED.compareAndSet(this, false, true)) {
            throw new IllegalStateException("session already started");
        }
        transport.start(new SessionListener(this));
        return this;
    }

    /**
     * A name for logs.
     *
     * @return the name used in this session's log messages
     */
    public String name() {
        return name;
    }

    /**
     * The transport this session runs on.
     *
     * @return the transport this session runs on
     */
    public Transport transport() {
        return transport;
    }

    /**
     * The revision negotiated for this session, or null before negotiation.
     *
     * @return the revision negotiated for this session, or null before negotiation
     */
    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /**
     * Records the negotiated revision and tells the transport.
     *
     * @param version the negotiated protocol revision
     */
    public void setProtocolVersion(ProtocolVersion version) {
        this.protocolVersion = Objects.requireNonNull(version, "version");
        transport.setProtocolVersion(version);
    }

    /**
     * Registers (or replaces) the handler of an inbound request method.
     *
     * @param method the request method, e.g. {@code tools/call}
     * @param handler handles the requests of {@code method}
     */
    public synchronized void setRequestHandler(String method, RequestHandler handler) {
        handlers = handlers.toBuilder().requestHandler(method, handler).build();
    }

    /**
     * Registers (or replaces) the handler of an inbound notification method.
     *
     * @param method the notification method, e.g. {@code notifications/initialized}
     * @param handler handles the notifications of {@code method}
     */
    public synchronized void setNotificationHandler(String method, NotificationHandler handler) {
        handlers = handlers.toBuilder().notificationHandler(method, handler).build();
    }

    /**
     * Sets the handler for request methods with no handler of their own; without one they get -32601.
     *
     * @param handler handles the requests of every method without a handler
     */
    public synchronized void setFallbackRequestHandler(RequestHandler handler) {
        handlers = handlers.toBuilder().fallbackRequestHandler(handler).build();
    }

    /**
     * The object the layer that owns this session attached to it ({@link Builder#attachment}), or null.
     *
     * @return the object the layer that owns this session attached to it ({@link Builder#attachment}), or null
     */
    public Object attachment() {
        return attachment;
    }

    /**
     * The dispatch table this session uses: the shared one it was built with, unless handlers were added.
     *
     * @return the dispatch table this session uses
     */
    public SessionHandlers handlers() {
        return handlers;
    }

    /** The serial delivery executor of this session, created on first use. */
    private SerialExecutor delivery() {
        SerialExecutor d = delivery;
        return d != null ? d : createDelivery();
    }

    private synchronized SerialExecutor createDelivery() {
        if (delivery == null) {
            delivery = new SerialExecutor(deliveryExecutor != null ? deliveryExecutor : HandlerExecutors.delivery());
        }
        return delivery;
    }

    /** The outbound request table, created on first use. */
    private PendingRequests pending() {
        PendingRequests p = pending;
        return p != null ? p : createPending();
    }

    private synchronized PendingRequests createPending() {
        if (pending == null) {
            pending = new PendingRequests(name, delivery(), requestTimeout, maxRequestTimeout, this::sendCancelled);
        }
        return pending;
    }

    /**
     * Adds a listener called once when the session closes; the argument is the cause, or null.
     *
     * @param listener called with the close cause (null when closed without one)
     */
    public void onClose(Consumer<Throwable> listener) {
        closeListeners.add(listener);
    }

    /** A future completed when the session has closed. */
    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeListeners.future();
    }

    /**
     * Whether the session is open.
     *
     * @return {@code true} if the session is open
     */
    public boolean isOpen() {
        return started && !closed;
    }

    /**
     * Why the session closed (the transport's failure, such as a peer process that exited, or the cause given to
     * {@link #close(Throwable)}), or null while it is open or when it was closed without a cause. Set before the
     * session reports itself closed, so it is readable as soon as {@link #isOpen()} is false.
     *
     * @return the close cause, or null
     */
    public Throwable closeCause() {
        return closeCause;
    }

    /**
     * The number of outbound requests awaiting an answer.
     *
     * @return the number of outbound requests awaiting an answer
     */
    public int pendingRequests() {
        PendingRequests p = pending;
        return p == null ? 0 : p.size();
    }

    /**
     * The number of inbound requests being handled.
     *
     * @return the number of inbound requests being handled
     */
    public int inFlightRequests() {
        return inbound.size();
    }

    /**
     * Completes once no inbound request is in flight and every answer was handed to the transport: what a
     * transport whose input ended waits for before it closes (see {@code TransportListener.onEndOfInput}).
     */
    CompletableFuture<Void> inboundIdle() {
        return inbound.idle();
    }

    /**
     * Sends a request with the default options.
     *
     * @param method the request method, e.g. {@code tools/call}
     * @param params the params object, or null
     * @return completes with the peer's result, or fails as {@link #request(String, JsonNode, RequestOptions)}
     *     describes
     */
    public CompletableFuture<JsonNode> request(String method, JsonNode params) {
        return request(method, params, RequestOptions.defaults());
    }

    /**
     * Sends a request. The future completes with the result, or fails with {@link McpRpcException} (the peer
     * answered an error), {@link McpTimeoutException} or {@link McpTransportException}. Cancelling the future
     * sends {@code notifications/cancelled} to the peer (not for a request whose options are not
     * {@linkplain RequestOptions#cancellable() cancellable}).
     *
     * @param method the request method, e.g. {@code tools/call}
     * @param params the params object, or null
     * @param options timeouts, progress listener and related request of this request
     * @return completes with the peer's result (the JSON-RPC {@code result} member)
     */
    public CompletableFuture<JsonNode> request(String method, JsonNode params, RequestOptions options) {
        return request(null, method, params, options);
    }

    /**
     * Reserves the id of an outbound request before it is sent, for callers that must know it first (an
     * interceptor tracing the request with {@code jsonrpc.request.id}); send it with {@link #request(RequestId,
     * String, JsonNode, RequestOptions)} on this session. Ids are never handed out twice by one session.
     *
     * @return a fresh id of this session
     */
    public RequestId nextRequestId() {
        return pending().nextId();
    }

    /**
     * {@link #request(String, JsonNode, RequestOptions)} with an id reserved by {@link #nextRequestId()} on this
     * session. Should that id be in use by a pending request (it was sent already), a fresh one is taken.
     *
     * @param id the reserved id, or null to number the request now
     * @param method the method
     * @param params the params, or null
     * @param options the request options
     * @return the result, or a failure as for {@link #request(String, JsonNode, RequestOptions)}
     */
    public CompletableFuture<JsonNode> request(RequestId id, String method, JsonNode params, RequestOptions options) {
        Objects.requireNonNull(method, "method");
        McpTransportException closedFailure =
                closed ? new McpTransportException("session " + name + " is closed") : null;
        return pending().send(transport, id, method, params, options, closedFailure);
    }

    /**
     * Sends a notification that relates to no request.
     *
     * @param method the notification method, e.g. {@code notifications/progress}
     * @param params the params object, or null
     * @return completes when the transport accepted the notification
     */
    public CompletableFuture<Void> notify(String method, JsonNode params) {
        return notify(method, params, null);
    }

    /**
     * Sends a notification that belongs to the inbound request {@code relatedRequestId} (may be null).
     *
     * @param method the notification method, e.g. {@code notifications/progress}
     * @param params the params object, or null
     * @param relatedRequestId the id of the inbound request, or null
     * @return completes when the transport accepted the notification
     */
    public CompletableFuture<Void> notify(String method, JsonNode params, RequestId relatedRequestId) {
        if (closed) {
            return CompletableFuture.failedFuture(new McpTransportException("session " + name + " is closed"));
        }
        return transport.send(new JsonRpcNotification(method, params), OutboundContext.relatedTo(relatedRequestId));
    }

    /** Closes the session: fails pending requests, cancels in-flight handlers and closes the transport. */
    @Override
    public void close() {
        shutdown(null, true);
    }

    /**
     * Closes the session because of {@code cause} (for example a peer that stopped answering): like {@link
     * #close()}, but pending requests fail with an {@link McpTransportException} naming the cause, and close
     * listeners receive it.
     *
     * @param cause why the session closes
     */
    public void close(Throwable cause) {
        shutdown(Objects.requireNonNull(cause, "cause"), true);
    }

    void runDelivery(Runnable task) {
        delivery().execute(task);
    }

    boolean isClosed() {
        return closed;
    }

    /** Sends the single answer of {@code request} (claimed by the caller) and forgets the request. */
    void sendAnswer(InboundRequest request, JsonRpcMessage answer) {
        inbound.sendAnswer(request, answer);
    }

    /** Answers bytes that were not a valid message with the codec's error (from {@link SessionListener}). */
    void onInvalidMessage(JsonRpcCodecException error) {
        LOG.debug("{}: invalid inbound message: {}", name, error.getMessage());
        if (!closed) {
            transport
                    .send(error.toErrorResponse(), OutboundContext.relatedTo(error.requestId()))
                    .exceptionally(e -> null);
        }
    }

    /** Fails the outbound request {@code id}, whose answer can no longer arrive. */
    void onRequestAborted(RequestId id, McpTransportException cause) {
        PendingRequests p = pending;
        if (p != null) {
            p.fail(id, cause);
        }
    }

    void shutdown(Throwable cause, boolean closeTransport) {
        if (cause != null && !closed) {
            CLOSE_CAUSE.compareAndSet(this, (Throwable) null, cause);
        }
        if (!CLOSED.compareAndSet(this, false, true)) {
            return;
        }
        PendingRequests pending = this.pending;
        if (pending != null && pending.size() > 0) {
            pending.failAll(new McpTransportException(
                    "session " + name + " closed" + (cause != null ? ": " + cause.getMessage() : ""), cause));
        }
        inbound.cancelAll("session closed");
        if (closeTransport) {
            try {
                transport.close();
            } catch (RuntimeException e) {
                LOG.debug("{}: transport close failed", name, e);
            }
        }
        for (Runnable hook : closeHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: close hook failed", name, e);
            }
        }
        closeListeners.fire(cause, this::runDelivery);
    }

    /** Whether the outbound request table was created (for tests). */
    boolean hasOutboundTable() {
        return pending != null;
    }

    /** Whether closing this session would hand anything to the delivery executor (for tests). */
    boolean closeNeedsDelivery() {
        return closeListeners.needDelivery();
    }

    private void sendCancelled(RequestId id, String reason) {
        if (closed) {
            return;
        }
        transport
                .send(
                        CancelledNotification.of(transport.outboundRequestId(id), reason)
                                .toNotification(),
                        OutboundContext.cancelling(id))
                .exceptionally(e -> null);
    }

    // ---- inbound ----

    /** Acts on an inbound message (from {@link SessionListener}). */
    void onInbound(JsonRpcMessage message, InboundContext context) {
        if (closed) {
            return;
        }
        if (message instanceof JsonRpcRequest r) {
            inbound.dispatch(r, context);
        } else if (message instanceof JsonRpcNotification n) {
            onNotification(n, context);
        } else if (message instanceof JsonRpcResponse r) {
            pending().complete(r);
        } else {
            pending().complete((JsonRpcErrorResponse) message);
        }
    }

    private void onNotification(JsonRpcNotification n, InboundContext context) {
        // The engine acts on cancellation and progress itself; a handler registered for them only observes.
        boolean engineHandled = true;
        if (McpMethods.NOTIFICATION_CANCELLED.equals(n.method())) {
            inbound.onCancelled(n.params());
        } else if (McpMethods.NOTIFICATION_PROGRESS.equals(n.method())) {
            PendingRequests pending = this.pending;
            if (pending != null) {
                pending.onProgress(n.params());
            }
        } else {
            engineHandled = false;
        }
        SessionHandlers table = handlers;
        NotificationHandler handler = table.notificationHandler(n.method());
        if (handler == null) {
            if (!engineHandled && !table.ignores(n.method())) {
                LOG.debug("{}: no handler for notification {}", name, n.method());
            }
            return;
        }
        InboundNotification notification = new InboundNotification(n.method(), n.params(), context);
        delivery().execute(() -> {
            try {
                handler.handle(notification);
            } catch (Exception e) {
                LOG.warn("{}: handler of {} failed", name, n.method(), e);
            }
        });
    }

    /** Builds an {@link McpSession}. */
    public static final class Builder {
        private final Transport transport;
        private String name = "mcp-session";
        private Executor handlerExecutor;
        private Executor deliveryExecutor;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration maxRequestTimeout = DEFAULT_MAX_REQUEST_TIMEOUT;
        private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        private SessionHandlers sharedHandlers = SessionHandlers.empty();
        /** Created by the first per-session handler; null when the session uses {@link #sharedHandlers} as is. */
        private SessionHandlers.Builder ownHandlers;

        private List<Consumer<Throwable>> closeListeners;
        private List<Runnable> closeHooks;
        private Object attachment;

        private Builder(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /**
         * A name for logs.
         *
         * @param name the session's name in log messages
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The executor request handlers run on; never shut down by the session.
         *
         * @param executor runs the inbound request handlers
         * @return this builder
         */
        public Builder handlerExecutor(Executor executor) {
            this.handlerExecutor = executor;
            return this;
        }

        /**
         * The executor responses and notifications are delivered on; never shut down by the session.
         *
         * @param executor delivers responses, progress and notifications, one at a time per session
         * @return this builder
         */
        public Builder deliveryExecutor(Executor executor) {
            this.deliveryExecutor = executor;
            return this;
        }

        /**
         * Timeout of an outbound request without answer or progress; default 60 s.
         *
         * @param timeout the timeout, restarted by progress
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Hard maximum of an outbound request whatever progress arrives; default 10 min.
         *
         * @param timeout the hard maximum
         * @return this builder
         */
        public Builder maxRequestTimeout(Duration timeout) {
            this.maxRequestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The most inbound requests this session handles at once (default {@value
         * McpSession#DEFAULT_MAX_IN_FLIGHT_REQUESTS}); one more is answered {@code -32010} "too many concurrent
         * requests" without running.
         *
         * @param max the limit, at least 1
         * @return this builder
         */
        public Builder maxInFlightRequests(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxInFlightRequests must be positive");
            }
            this.maxInFlightRequests = max;
            return this;
        }

        /**
         * Handles inbound requests of {@code method}.
         *
         * @param method the request method, e.g. {@code tools/call}
         * @param handler handles the requests of {@code method}
         * @return this builder
         */
        public Builder requestHandler(String method, RequestHandler handler) {
            own().requestHandler(method, handler);
            return this;
        }

        /**
         * Handles inbound notifications of {@code method}.
         *
         * @param method the notification method, e.g. {@code notifications/initialized}
         * @param handler handles the notifications of {@code method}
         * @return this builder
         */
        public Builder notificationHandler(String method, NotificationHandler handler) {
            own().notificationHandler(method, handler);
            return this;
        }

        /**
         * Starts from {@code table}, shared as is (not copied) unless this builder adds handlers of its own; call
         * before adding any. Sessions of one server share one table.
         *
         * @param table the shared handler table
         * @return this builder
         */
        public Builder handlers(SessionHandlers table) {
            if (ownHandlers != null) {
                throw new IllegalStateException("set the shared handlers before adding handlers of this session");
            }
            this.sharedHandlers = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * Attaches an object of the layer that owns the session, returned by {@link McpSession#attachment()}.
         *
         * @param attachment the owner's object, e.g. its per-session state
         * @return this builder
         */
        public Builder attachment(Object attachment) {
            this.attachment = attachment;
            return this;
        }

        private SessionHandlers.Builder own() {
            if (ownHandlers == null) {
                ownHandlers = sharedHandlers.toBuilder();
            }
            return ownHandlers;
        }

        private SessionHandlers handlers() {
            return ownHandlers == null ? sharedHandlers : ownHandlers.build();
        }

        /**
         * Accepts inbound notifications of {@code method} without acting on them: nothing is dispatched (no
         * delivery task) and nothing is logged. A handler registered for the method takes precedence.
         *
         * @param method the notification method to ignore
         * @return this builder
         */
        public Builder ignoreNotification(String method) {
            own().ignoreNotification(method);
            return this;
        }

        /**
         * Handles request methods with no handler of their own.
         *
         * @param handler handles the requests of every method without a handler
         * @return this builder
         */
        public Builder fallbackRequestHandler(RequestHandler handler) {
            own().fallbackRequestHandler(handler);
            return this;
        }

        /**
         * Called once when the session closes, with the cause or null.
         *
         * @param listener called with the close cause (null when closed without one)
         * @return this builder
         */
        public Builder onClose(Consumer<Throwable> listener) {
            if (closeListeners == null) {
                closeListeners = new ArrayList<>(1);
            }
            closeListeners.add(listener);
            return this;
        }

        /**
         * Runs {@code hook} once, synchronously on the thread that closes the session, right after the transport
         * closed. For cheap, non-blocking bookkeeping of the layer that owns the session (leaving a registry),
         * never for application code: use {@link #onClose} for that, which runs on the delivery executor.
         *
         * @param hook the bookkeeping to run; it must not block
         * @return this builder
         */
        public Builder closeHook(Runnable hook) {
            Objects.requireNonNull(hook, "hook");
            if (closeHooks == null) {
                closeHooks = List.of(hook); // the usual single hook: the session keeps this list as it is
            } else {
                List<Runnable> more = new ArrayList<>(closeHooks);
                more.add(hook);
                closeHooks = List.copyOf(more);
            }
            return this;
        }

        /**
         * Builds the session; call {@link McpSession#start()} to begin reading.
         *
         * @return a new session, not started yet
         */
        public McpSession build() {
            return new McpSession(this);
        }
    }
}
