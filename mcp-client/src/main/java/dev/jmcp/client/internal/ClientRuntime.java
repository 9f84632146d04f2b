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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one implementation under both client APIs: owns the session, negotiates the era, sends every request with
 * the era's framing, runs the {@code input_required} loop, dispatches notifications, and closes everything.
 */
public final class ClientRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);

    private final ClientConfig config;
    private final McpSession session;
    private final OutboundProbe probe;
    private final ClientTaskStore taskStore;
    private final Subscriptions subscriptions;
    private final Negotiation negotiation;
    private final InputRounds inputRounds;
    private final OutputSchemas outputSchemas = new OutputSchemas();
    private final RequestEnvelopes envelopes = new RequestEnvelopes();
    private final Map<String, List<NotificationHandler>> listeners = new ConcurrentHashMap<>();
    private final Set<CallFuture<?>> calls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean connectStarted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ServerState state;
    private volatile LoggingLevel logLevel;

    /** Creates the runtime; nothing is sent before {@link #connect()}. */
    public ClientRuntime(ClientConfig config) {
        this.config = config;
        this.probe = new OutboundProbe(config.transport());
        McpSession.Builder b = McpSession.builder(probe)
                .name("mcp-client")
                .requestTimeout(config.requestTimeout())
                .maxRequestTimeout(config.maxRequestTimeout());
        if (config.handlerExecutor() != null) {
            b.handlerExecutor(config.handlerExecutor());
        }
        this.session = b.build();
        Executor executor = config.handlerExecutor() != null ? config.handlerExecutor() : HandlerExecutors.handlers();
        this.taskStore = config.tasks() == null ? null : new ClientTaskStore(config.tasks(), session, executor);
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
        this.subscriptions = new Subscriptions(this, session, probe, config.requestTimeout());
        session.setNotificationHandler(
                McpMethods.NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED, subscriptions::onAcknowledged);
        this.negotiation = new Negotiation(config, session);
        this.inputRounds = new InputRounds(config, session, envelopes);
    }

    /** The session engine underneath (for tests and diagnostics). */
    public McpSession session() {
        return session;
    }

    /** The tasks the server created at this client, or null when the client declared no {@code tasks}. */
    public ClientTaskStore taskStore() {
        return taskStore;
    }

    /**
     * Opens a subscription: {@code subscriptions/listen} in 2026-07-28 (completes on the server's
     * acknowledgement), {@code resources/subscribe} per URI in the handshake era.
     */
    public CompletableFuture<Subscription> subscribe(SubscriptionFilter filter) {
        ServerState s = state;
        if (s == null || closed.get()) {
            return CompletableFuture.failedFuture(
                    closed.get()
                            ? new McpTransportException("client is closed")
                            : new IllegalStateException("not connected: call connect() first"));
        }
        return subscriptions.subscribe(filter, s);
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
        return state != null && session.isOpen();
    }

    /** Opens the session and negotiates the era; completes with what the server told. */
    public CompletableFuture<ServerState> connect() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("client is closed"));
        }
        if (!connectStarted.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("connect() was already called"));
        }
        session.start();
        return negotiation.run().whenComplete((s, err) -> {
            if (err != null) {
                session.close();
            } else {
                state = s;
            }
        });
    }

    /** Sets the 2026-07-28 per-request log level ({@code null} for none). */
    public void setStatelessLogLevel(LoggingLevel level) {
        this.logLevel = level;
    }

    /** Adds a listener for a server notification method. */
    public void addListener(String method, NotificationHandler listener) {
        List<NotificationHandler> list = listeners.computeIfAbsent(method, m -> {
            List<NotificationHandler> fresh = new CopyOnWriteArrayList<>();
            session.setNotificationHandler(m, n -> dispatch(m, n));
            return fresh;
        });
        list.add(listener);
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
        if (s == null || closed.get()) {
            call.completeExceptionally(
                    closed.get()
                            ? new McpTransportException("client is closed")
                            : new IllegalStateException("not connected: call connect() first"));
            return call;
        }
        String refusal = CapabilityGate.refusal(method, s.version(), s.capabilities(), params);
        if (refusal != null) {
            call.completeExceptionally(new MissingServerCapabilityException(method, refusal));
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
        inputRounds.start(call, method, base, options, s.version(), stateless ? this::statelessMeta : null, map);
        return call;
    }

    /** Sends a notification (handshake era). */
    public CompletableFuture<Void> notify(String method, JsonNode params) {
        return session.notify(method, params);
    }

    /** The {@code _meta} keys of a 2026-07-28 request. */
    RequestMeta statelessMeta() {
        return StatelessMeta.of(config, logLevel);
    }

    /** Cancels every pending call, then closes the session and the transport. Idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        subscriptions.closeAll();
        if (taskStore != null) {
            taskStore.close();
        }
        for (CallFuture<?> c : List.copyOf(calls)) {
            c.cancel(true);
        }
        negotiation.cancel();
        if (connectStarted.get()) {
            session.close();
        } else {
            try {
                config.transport().close();
            } catch (RuntimeException e) {
                LOG.debug("transport close failed", e);
            }
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Unwraps a failure into the {@link McpException} callers see. */
    static McpException unwrap(Throwable t) {
        return Await.unwrap(t);
    }
}
