package dev.jmcp.client.internal;

import dev.jmcp.client.MissingServerCapabilityException;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.session.Await;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.NotificationHandler;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.SessionExpired;
import dev.jmcp.core.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one implementation under both client APIs: owns the connection, negotiates the era, sends every request with
 * the era's framing, runs the {@code input_required} loop, dispatches notifications, and closes everything.
 *
 * <p>Connections. A client has one {@link Connection} at a time. When the server no longer knows the session
 * (Streamable HTTP 404, a {@link SessionExpired} failure) the runtime starts a new session on the same transport
 * ({@code initialize} without a session id), subscribes again to the resources it held, retries the request
 * that got the 404 (once per call), and tells the reconnect listeners. When the peer went away (a stdio process
 * that exited) calls fail with an error naming why, and {@link #connect()} may be called again: it opens a new
 * connection on a new transport from the {@link TransportSource}.
 */
public final class ClientRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);
    private static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);

    private final ClientConfig config;
    private final Executor executor;
    private final EraMemory ownEras = EraMemory.perClient();
    private final Subscriptions subscriptions;
    private final InputRounds inputRounds;
    private final OutputSchemas outputSchemas = new OutputSchemas();
    private final RequestEnvelopes envelopes = new RequestEnvelopes();
    private final Map<String, List<NotificationHandler>> listeners = new ConcurrentHashMap<>();
    private final List<Consumer<ServerState>> reconnectListeners = new CopyOnWriteArrayList<>();
    private final Set<CallFuture<?>> calls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile Connection connection;
    private volatile CompletableFuture<ServerState> connecting;
    private volatile ServerState state;
    private volatile LoggingLevel logLevel;
    private final StatelessMetaWriter statelessMetaWriter;
    private volatile CompletableFuture<Void> recovery = READY;
    private volatile int epoch;
    private int connects;

    /** Creates the runtime; nothing is sent before {@link #connect()}. */
    public ClientRuntime(ClientConfig config) {
        this.config = config;
        this.statelessMetaWriter = new StatelessMetaWriter(config);
        this.executor = config.handlerExecutor() != null ? config.handlerExecutor() : HandlerExecutors.handlers();
        this.subscriptions = new Subscriptions(this, config.requestTimeout());
        this.inputRounds = new InputRounds(
                config,
                new InputRounds.Link() {
                    @Override
                    public McpSession session() {
                        Connection c = connection;
                        return c == null ? null : c.session;
                    }

                    @Override
                    public int epoch() {
                        return epoch;
                    }

                    @Override
                    public CompletableFuture<Void> ready() {
                        return recovery;
                    }

                    @Override
                    public CompletableFuture<Void> recover(int failedEpoch, Throwable cause) {
                        return ClientRuntime.this.recover(failedEpoch, cause);
                    }
                },
                envelopes);
    }

    /** The session engine of the current connection, or null before {@link #connect()} (tests, diagnostics). */
    public McpSession session() {
        Connection c = connection;
        return c == null ? null : c.session;
    }

    /** What each wire request passes through (the interceptors). */
    CallPipeline pipeline() {
        return config.pipeline();
    }

    /** The tasks the server created at this client, or null when the client declared no {@code tasks}. */
    public ClientTaskStore taskStore() {
        Connection c = connection;
        return c == null ? null : c.taskStore;
    }

    /**
     * Opens a subscription: {@code subscriptions/listen} in 2026-07-28 (completes on the server's
     * acknowledgement), {@code resources/subscribe} per URI in the handshake era.
     */
    public CompletableFuture<Subscription> subscribe(SubscriptionFilter filter) {
        ServerState s = state;
        RuntimeException refusal = refusal(s);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        return subscriptions.subscribe(filter, s);
    }

    /**
     * 2026-07-28 tasks extension: subscribes to one task's {@code notifications/tasks} until the task ends (see
     * {@link Subscriptions#watchTask}); fails when not connected in 2026-07-28.
     */
    public CompletableFuture<Subscription> watchTask(String taskId, Long ttlMs) {
        ServerState s = state;
        RuntimeException refusal = refusal(s);
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        if (!s.version().isStateless()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("task status subscriptions are a 2026-07-28 extension"));
        }
        return subscriptions.watchTask(taskId, ttlMs);
    }

    /** The tool output schemas learned from {@code tools/list}. */
    public OutputSchemas outputSchemas() {
        return outputSchemas;
    }

    /** What negotiation learned, or null before {@link #connect()} completed. */
    public ServerState state() {
        return state;
    }

    /** Whether the client is connected and not closed. */
    public boolean isConnected() {
        Connection c = connection;
        return state != null && c != null && c.isOpen() && !closed.get();
    }

    /** Calls {@code listener} with what the server told each time the client connected again. */
    public void onReconnected(Consumer<ServerState> listener) {
        reconnectListeners.add(listener);
    }

    /**
     * Opens a connection and negotiates the era; completes with what the server told. May be called again once
     * the connection was lost (the peer went away): the new connection gets a new transport.
     */
    public CompletableFuture<ServerState> connect() {
        Connection fresh;
        CompletableFuture<ServerState> result;
        synchronized (lock) {
            if (closed.get()) {
                return CompletableFuture.failedFuture(new McpTransportException("client is closed"));
            }
            CompletableFuture<ServerState> running = connecting;
            if (running != null && !running.isDone()) {
                return CompletableFuture.failedFuture(new IllegalStateException("connect() is already in progress"));
            }
            Connection current = connection;
            if (current != null && current.isOpen()) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("connect() was already called and the connection is open"));
            }
            Transport transport;
            try {
                transport = config.transports().next();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            fresh = open(transport);
            subscriptions.connectionEnded();
            connection = fresh;
            state = null;
            recovery = READY;
            try {
                fresh.session.start();
            } catch (RuntimeException e) {
                fresh.session.close(e);
                return CompletableFuture.failedFuture(e);
            }
            result = fresh.negotiation.run();
            connecting = result;
        }
        return result.whenComplete((s, err) -> connected(fresh, s, err));
    }

    private void connected(Connection c, ServerState s, Throwable err) {
        if (err != null) {
            c.session.close();
            return;
        }
        boolean again;
        synchronized (lock) {
            if (connection != c) {
                return;
            }
            state = s;
            again = connects++ > 0;
        }
        if (s.version().isHandshakeEra() && config.keepAliveInterval() != null) {
            Duration interval = config.keepAliveInterval();
            Duration timeout = interval.compareTo(config.requestTimeout()) < 0 ? interval : config.requestTimeout();
            c.keepAlive(new KeepAlive(c.session, interval, timeout, cause -> recover(epoch, cause)));
        }
        if (again) {
            subscriptions.reconnected(s);
            fireReconnected(s);
        }
    }

    /** A connection on {@code transport}: a session with the handlers and listeners, not started yet. */
    private Connection open(Transport transport) {
        McpSession.Builder b = McpSession.builder(transport)
                .name("mcp-client")
                .requestTimeout(config.requestTimeout())
                .maxRequestTimeout(config.maxRequestTimeout());
        if (config.handlerExecutor() != null) {
            b.handlerExecutor(config.handlerExecutor());
        }
        McpSession session = b.build();
        ClientTaskStore taskStore =
                config.tasks() == null ? null : new ClientTaskStore(config.tasks(), session, executor);
        for (Map.Entry<String, InputHandler> e : config.inputHandlers().entrySet()) {
            String method = e.getKey();
            InputHandler handler = e.getValue();
            session.setRequestHandler(method, request -> {
                JsonNode params = request.params();
                if (taskStore != null && params != null && params.has("task") && taskStore.accepts(method)) {
                    return taskStore.create(params, handler);
                }
                return McpJson.toTree(handler.answer(params));
            });
        }
        if (taskStore != null) {
            session.setRequestHandler(McpMethods.TASKS_GET, r -> taskStore.get(r.params()));
            session.setRequestHandler(McpMethods.TASKS_RESULT, r -> taskStore.result(r.params()));
            if (config.tasks().list()) {
                session.setRequestHandler(McpMethods.TASKS_LIST, r -> taskStore.list(r.params()));
            }
            if (config.tasks().cancel()) {
                session.setRequestHandler(McpMethods.TASKS_CANCEL, r -> taskStore.cancel(r.params()));
            }
        }
        extensionRequestHandlers.forEach(session::setRequestHandler);
        session.setNotificationHandler(
                McpMethods.NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED, subscriptions::onAcknowledged);
        for (String method : listeners.keySet()) {
            session.setNotificationHandler(method, n -> dispatch(method, n));
        }
        String peer = transport.peerIdentity();
        Negotiation negotiation = peer == null
                ? new Negotiation(config, session, ownEras, "this client's server")
                : new Negotiation(config, session, EraMemory.SHARED, peer);
        return new Connection(transport, session, negotiation, taskStore);
    }

    /**
     * Starts a new session after the one a request was sent in ({@code failedEpoch}) expired: {@code initialize}
     * again on the same transport, then {@code resources/subscribe} again for every held URI. Requests that fail
     * together share one recovery; a request sent before a recovery that already happened just retries.
     *
     * @return completes when the new session is ready, or fails with why it could not be started
     */
    CompletableFuture<Void> recover(int failedEpoch, Throwable cause) {
        CompletableFuture<Void> mine;
        Connection c;
        ServerState s;
        synchronized (lock) {
            if (closed.get()) {
                return CompletableFuture.failedFuture(new McpTransportException("client is closed"));
            }
            if (failedEpoch < epoch) {
                return recovery;
            }
            c = connection;
            s = state;
            if (c == null || s == null || !s.version().isHandshakeEra() || !c.isOpen()) {
                return CompletableFuture.failedFuture(unwrap(cause));
            }
            epoch++;
            mine = new CompletableFuture<>();
            recovery = mine;
        }
        LOG.info(
                "the server no longer knows the session ({}); starting a new one",
                unwrap(cause).getMessage());
        c.negotiation
                .reinitialize(s.version())
                .thenCompose(fresh -> {
                    state = fresh;
                    return subscriptions.resubscribe().thenApply(v -> fresh);
                })
                .whenComplete((fresh, err) -> {
                    if (err != null) {
                        mine.completeExceptionally(new McpTransportException(
                                "the server no longer knew the session, and starting a new one failed: "
                                        + unwrap(err).getMessage(),
                                unwrap(err)));
                        return;
                    }
                    mine.complete(null);
                    fireReconnected(fresh);
                });
        return mine;
    }

    private void fireReconnected(ServerState s) {
        for (Consumer<ServerState> l : reconnectListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("reconnect listener failed", e);
            }
        }
    }

    /** Sets the 2026-07-28 per-request log level ({@code null} for none). */
    public void setStatelessLogLevel(LoggingLevel level) {
        this.logLevel = level;
    }

    /** Extensions' handlers of server-to-client requests (#21), set on every connection's session. */
    private final Map<String, dev.jmcp.core.session.RequestHandler> extensionRequestHandlers =
            new ConcurrentHashMap<>();

    /** Answers the server-to-client request {@code method} on every connection from now on (an extension's). */
    public void addRequestHandler(String method, dev.jmcp.core.session.RequestHandler handler) {
        synchronized (lock) {
            extensionRequestHandlers.put(method, handler);
            Connection c = connection;
            if (c != null) {
                c.session.setRequestHandler(method, handler);
            }
        }
    }

    /** Adds a listener for a server notification method. */
    public void addListener(String method, NotificationHandler listener) {
        synchronized (lock) {
            List<NotificationHandler> list = listeners.computeIfAbsent(method, m -> {
                Connection c = connection;
                if (c != null) {
                    c.session.setNotificationHandler(m, n -> dispatch(m, n));
                }
                return new CopyOnWriteArrayList<>();
            });
            list.add(listener);
        }
    }

    private void dispatch(String method, InboundNotification notification) {
        for (NotificationHandler l : listeners.getOrDefault(method, List.of())) {
            try {
                l.handle(notification);
            } catch (Exception e) {
                LOG.warn("listener of {} failed", method, e);
            }
        }
    }

    /**
     * Sends a request and maps its final result. The call fails fast when the server did not declare the needed
     * capability or the era has no such method; in 2026-07-28 it carries the {@code _meta} keys and answers
     * {@code input_required} results by calling the input handlers, up to the round limit.
     */
    public <T> CallFuture<T> call(
            String method, JsonNode params, RequestOptions options, Function<JsonNode, T> mapper) {
        CallFuture<T> call = new CallFuture<>();
        ServerState s = state;
        RuntimeException refusal = refusal(s);
        if (refusal != null) {
            call.completeExceptionally(refusal);
            return call;
        }
        String gate = CapabilityGate.refusal(method, s.version(), s.capabilities(), params);
        if (gate != null) {
            call.completeExceptionally(new MissingServerCapabilityException(method, gate));
            return call;
        }
        ObjectNode base = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
        calls.add(call);
        call.whenComplete((r, e) -> calls.remove(call));
        boolean stateless = s.version().isStateless();
        Function<JsonNode, T> map = stateless && McpMethods.TOOLS_LIST.equals(method)
                ? json -> {
                    envelopes.learn(json);
                    return mapper.apply(json);
                }
                : mapper;
        if (!stateless
                && (McpMethods.RESOURCES_SUBSCRIBE.equals(method) || McpMethods.RESOURCES_UNSUBSCRIBE.equals(method))) {
            call.thenRun(() -> subscriptions.accepted(method, base));
        }
        inputRounds.start(call, method, base, options, s.version(), stateless ? this::writeStatelessMeta : null, map);
        return call;
    }

    /** Why a call cannot be sent now (closed, not connected, connection lost), or null when it can. */
    private RuntimeException refusal(ServerState s) {
        if (closed.get()) {
            return new McpTransportException("client is closed");
        }
        if (s == null) {
            return new IllegalStateException("not connected: call connect() first");
        }
        Connection c = connection;
        return c.isOpen() ? null : c.lost();
    }

    /** Sends a notification (handshake era). */
    public CompletableFuture<Void> notify(String method, JsonNode params) {
        Connection c = connection;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected: call connect() first"));
        }
        return c.session.notify(method, params);
    }

    /** The {@code _meta} keys of a 2026-07-28 request. */
    RequestMeta statelessMeta() {
        return StatelessMeta.of(config, logLevel);
    }

    /** A 2026-07-28 request's {@code _meta}: its own ({@code meta}, may be null) with the stateless keys over it. */
    private JsonNode writeStatelessMeta(JsonNode meta) {
        return statelessMetaWriter.writeTo(meta, logLevel);
    }

    /** Cancels every pending call, then closes the session and the transport. Idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        subscriptions.closeAll();
        for (CallFuture<?> c : List.copyOf(calls)) {
            c.cancel(true);
        }
        Connection c;
        synchronized (lock) {
            c = connection;
        }
        if (c == null) {
            try {
                config.transports().closeUnused();
            } catch (RuntimeException e) {
                LOG.debug("transport close failed", e);
            }
            return;
        }
        c.negotiation.cancel();
        c.session.close();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Unwraps a failure into the {@link McpException} callers see. */
    static McpException unwrap(Throwable t) {
        return Await.unwrap(t);
    }

    /** Whether {@code t} (or a cause) says the server no longer knows the session. */
    static boolean isSessionExpired(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SessionExpired) {
                return true;
            }
        }
        return false;
    }
}
