package dev.jmcp.client.internal;

import dev.jmcp.client.Subscription;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.resources.SubscribeRequest;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.subscriptions.SubscriptionsListenRequest;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens and closes {@link Subscription}s in either era. 2026-07-28: one {@code subscriptions/listen} request per
 * subscription, open without timeout until closed, acknowledged by {@code notifications/subscriptions/acknowledged}
 * (matched by its {@code subscriptionId}, else to the oldest unacknowledged one). Handshake era:
 * {@code resources/subscribe} per URI, counted so a URI held by two subscriptions is unsubscribed once both closed.
 */
public final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** "No timeout" for the open listen request: a century, which every timer can represent. */
    private static final Duration OPEN = Duration.ofDays(36_500);
    /** The longest a task's status subscription stays open when no notification shows the task terminal. */
    static final Duration MAX_TASK_WATCH = Duration.ofHours(1);

    private final ClientRuntime runtime;
    private final Duration ackTimeout;
    private final List<Listen> listens = new CopyOnWriteArrayList<>();
    /** Listen subscriptions whose connection was lost, sent again on the next connect. */
    private final List<Listen> suspended = new CopyOnWriteArrayList<>();

    private final Map<String, Integer> uriHolders = new HashMap<>();
    /** The URIs the server holds a subscription for in this session, however they were subscribed. */
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();

    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();

    /** The listen subscriptions opened for one task each ({@link #watchTask}), closed when the task ends. */
    private final Map<String, CompletableFuture<Subscription>> watched = new ConcurrentHashMap<>();

    private final AtomicBoolean taskEndsRouted = new AtomicBoolean();

    Subscriptions(ClientRuntime runtime, Duration ackTimeout) {
        this.runtime = runtime;
        this.ackTimeout = ackTimeout;
    }

    /** Opens a subscription in the negotiated era; completes once the server acknowledged it. */
    CompletableFuture<Subscription> subscribe(SubscriptionFilter filter, ServerState state) {
        Objects.requireNonNull(filter, "filter");
        return state.version().isStateless() ? listen(filter) : handshake(filter, state);
    }

    // ---- 2026-07-28 ----

    private CompletableFuture<Subscription> listen(SubscriptionFilter filter) {
        Listen sub = new Listen(filter);
        CompletableFuture<Subscription> firstAck = sub.ack;
        send(sub);
        return firstAck.thenApply(s -> s);
    }

    /**
     * 2026-07-28 tasks extension: subscribes to the status notifications ({@code notifications/tasks}) of one task
     * with its own {@code subscriptions/listen}, which is closed once a notification shows the task terminal (the
     * jmcp server sends the task's current state right after acknowledging, so a task that already ended closes it
     * at once), when the acknowledgement leaves the task out, or at the latest after the task's {@code ttlMs}
     * (capped at {@link #MAX_TASK_WATCH}, which also bounds a task without one). Watching a task already watched
     * returns the same subscription.
     */
    CompletableFuture<Subscription> watchTask(String taskId, Long ttlMs) {
        Objects.requireNonNull(taskId, "taskId");
        if (taskEndsRouted.compareAndSet(false, true)) {
            runtime.addListener(ExtensionTasks.NOTIFICATION, this::onTaskStatus);
        }
        CompletableFuture<Subscription> existing = watched.get(taskId);
        if (existing != null) {
            return existing;
        }
        // registered before the request goes out: the task's terminal status may arrive before this method returns
        CompletableFuture<Subscription> opened = new CompletableFuture<>();
        existing = watched.putIfAbsent(taskId, opened);
        if (existing != null) {
            return existing;
        }
        listen(SubscriptionFilter.builder().taskIds(List.of(taskId)).build()).whenComplete((sub, err) -> {
            if (err != null) {
                opened.completeExceptionally(err);
            } else {
                opened.complete(sub);
            }
        });
        opened.whenComplete((sub, err) -> {
            if (err != null) {
                watched.remove(taskId, opened);
                LOG.debug("subscribing to the status of task {} failed", taskId, err);
                return;
            }
            List<String> granted =
                    sub.acknowledged() == null ? null : sub.acknowledged().taskIds();
            if (granted == null || !granted.contains(taskId)) {
                sub.close(); // the server will not send this task's status
            }
            long bound = ttlMs == null || ttlMs <= 0
                    ? MAX_TASK_WATCH.toMillis()
                    : Math.min(ttlMs, MAX_TASK_WATCH.toMillis());
            ScheduledFuture<?> deadline = Timers.schedule(sub::close, TimeUnit.MILLISECONDS.toNanos(bound));
            sub.closeFuture().whenComplete((v, e) -> {
                deadline.cancel(false);
                watched.remove(taskId, opened);
            });
        });
        return opened;
    }

    /** A task status notification: the subscription watching a task that is now terminal is closed. */
    private void onTaskStatus(InboundNotification n) {
        JsonNode params = n.params();
        if (params == null || !params.path("taskId").isString() || watched.isEmpty()) {
            return;
        }
        boolean terminal;
        try {
            terminal = ExtensionTasks.task(params).status().isTerminal();
        } catch (RuntimeException e) {
            return; // a malformed notification ends nothing
        }
        CompletableFuture<Subscription> sub =
                terminal ? watched.remove(params.get("taskId").asString()) : null;
        if (sub != null) {
            sub.thenAccept(Subscription::close);
        }
    }

    /** Sends (or, after a reconnect, sends again) the {@code subscriptions/listen} request of {@code sub}. */
    private void send(Listen sub) {
        JsonNode params = McpJson.toTree(new SubscriptionsListenRequest(
                sub.requested, runtime.statelessMeta().toMeta()));
        if (sub.requested.taskIds() != null && !sub.requested.taskIds().isEmpty()) {
            ExtensionTasks.declare((ObjectNode) params); // the extension's task status notifications need it
        }
        listens.add(sub);
        McpSession session = runtime.session();
        CompletableFuture<Subscription> ack = sub.ack;
        RequestOptions options = RequestEnvelopes.handOver(
                RequestOptions.builder().timeout(OPEN).maxTotalTimeout(OPEN).build(),
                RequestEnvelopes.ofMethod(McpMethods.SUBSCRIPTIONS_LISTEN, ProtocolVersion.V2026_07_28));
        CallPipeline.WireRequest request = CallPipeline.WireRequest.on(
                session,
                McpMethods.SUBSCRIPTIONS_LISTEN,
                (ObjectNode) params,
                ProtocolVersion.V2026_07_28,
                options,
                0,
                new ConcurrentHashMap<>());
        sub.requestId = request.id(); // known before sending: the acknowledgement names it
        // through the interceptors that see the connection's own requests (a tracing span for the stream's life)
        CompletableFuture<JsonNode> answer;
        try {
            answer = runtime.pipeline().send(request, (id, p) -> {
                CompletableFuture<JsonNode> sent = session.request(id, McpMethods.SUBSCRIPTIONS_LISTEN, p, options);
                sub.wire = sent; // what close() cancels
                return sent;
            });
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JsonNode> outcome = answer;
        ScheduledFuture<?> timer = Timers.schedule(
                () -> {
                    if (ack.completeExceptionally(new McpTimeoutException(
                            "the server did not acknowledge subscriptions/listen within " + ackTimeout.toMillis()
                                    + " ms",
                            ackTimeout))) {
                        CompletableFuture<JsonNode> w = sub.wire;
                        (w != null ? w : outcome).cancel(true);
                    }
                },
                ackTimeout.toNanos());
        outcome.whenComplete((result, err) -> {
            timer.cancel(false);
            listens.remove(sub);
            if (err != null
                    && ack.isDone()
                    && !ack.isCompletedExceptionally()
                    && !sub.closing
                    && !session.isOpen()
                    && !runtime.isClosed()) {
                suspended.add(sub); // the connection was lost: listen again on the next connect()
                return;
            }
            McpException cause = err == null
                    ? new McpException("the server ended subscriptions/listen before acknowledging it")
                    : ClientRuntime.unwrap(err);
            ack.completeExceptionally(cause);
            sub.ended();
        });
    }

    /** Routes {@code notifications/subscriptions/acknowledged} to its subscription. */
    void onAcknowledged(InboundNotification n) {
        JsonNode params = n.params() == null ? McpJson.object() : n.params();
        RequestId id = idOf(params.path("_meta").get(MetaKeys.SUBSCRIPTION_ID));
        Listen target = null;
        for (Listen l : listens) {
            if (id != null && id.equals(l.requestId)) {
                target = l;
                break;
            }
        }
        if (target == null && id == null) {
            for (Listen l : listens) {
                if (!l.ack.isDone()) {
                    target = l;
                    break;
                }
            }
        }
        if (target == null) {
            LOG.debug("acknowledgement for no open subscription: {}", params);
            return;
        }
        JsonNode granted = params.get("notifications");
        SubscriptionFilter acknowledged = granted != null && granted.isObject()
                ? McpJson.fromTree(granted, SubscriptionFilter.class)
                : SubscriptionFilter.builder().build();
        target.acknowledged = acknowledged;
        target.ack.complete(target);
    }

    private static RequestId idOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return RequestId.of(node.asString());
        }
        return node.isIntegralNumber() && node.canConvertToLong() ? RequestId.of(node.longValue()) : null;
    }

    /** What both kinds of subscription hold: the filter asked for, the one granted, and the end. */
    private abstract static class BaseSubscription implements Subscription {
        final SubscriptionFilter requested;
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        volatile SubscriptionFilter acknowledged;

        BaseSubscription(SubscriptionFilter requested) {
            this.requested = requested;
        }

        @Override
        public SubscriptionFilter requested() {
            return requested;
        }

        @Override
        public SubscriptionFilter acknowledged() {
            return acknowledged;
        }

        @Override
        public boolean isOpen() {
            return !closed.isDone();
        }

        @Override
        public CompletableFuture<Void> closeFuture() {
            return closed.copy();
        }
    }

    /**
     * A {@code subscriptions/listen} request kept open. When the connection is lost it waits, open, for the next
     * {@code connect()}, which sends it again (the 2026-07-28 stdio binding asks for that after a restart).
     */
    private final class Listen extends BaseSubscription {
        volatile CompletableFuture<Subscription> ack = new CompletableFuture<>();
        volatile RequestId requestId;
        volatile CompletableFuture<JsonNode> wire;
        volatile boolean closing;

        Listen(SubscriptionFilter requested) {
            super(requested);
        }

        void ended() {
            suspended.remove(this);
            closed.complete(null);
        }

        @Override
        public void close() {
            closing = true;
            suspended.remove(this);
            CompletableFuture<JsonNode> w = wire;
            if (w != null) {
                w.cancel(true); // the session sends notifications/cancelled; over HTTP the stream is closed
            }
            closed.complete(null);
        }

        @Override
        public String toString() {
            return "Subscription[listen " + requestId + ", " + requested + "]";
        }
    }

    // ---- handshake era ----

    private CompletableFuture<Subscription> handshake(SubscriptionFilter filter, ServerState state) {
        List<String> uris =
                filter.resourceSubscriptions() == null ? List.of() : List.copyOf(filter.resourceSubscriptions());
        Map<String, CompletableFuture<Void>> sends = new HashMap<>();
        for (String uri : uris) {
            if (hold(uri)) {
                sends.put(
                        uri,
                        runtime.call(
                                McpMethods.RESOURCES_SUBSCRIBE,
                                uriParams(uri),
                                RequestOptions.defaults(),
                                json -> null));
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new));
        return all.handle((ok, err) -> {
            if (err != null) {
                for (String uri : uris) {
                    CompletableFuture<Void> send = sends.get(uri);
                    boolean subscribed = send == null || !send.isCompletedExceptionally();
                    if (release(uri) && subscribed) {
                        unsubscribe(uri);
                    }
                }
                throw ClientRuntime.unwrap(err);
            }
            Handshake sub = new Handshake(filter, acknowledge(filter, uris, state.capabilities()), uris);
            handshakes.add(sub);
            return sub;
        });
    }

    private void unsubscribe(String uri) {
        McpSession session = runtime.session();
        if (session == null || !session.isOpen() || runtime.isClosed()) {
            return;
        }
        runtime.call(McpMethods.RESOURCES_UNSUBSCRIBE, uriParams(uri), RequestOptions.defaults(), json -> null)
                .exceptionally(e -> {
                    LOG.debug("resources/unsubscribe {} failed", uri, e);
                    return null;
                });
    }

    private static SubscriptionFilter acknowledge(SubscriptionFilter f, List<String> uris, JsonNode caps) {
        return new SubscriptionFilter(
                granted(f.toolsListChanged(), caps, "tools"),
                granted(f.promptsListChanged(), caps, "prompts"),
                granted(f.resourcesListChanged(), caps, "resources"),
                f.resourceSubscriptions() == null ? null : uris);
    }

    private static Boolean granted(Boolean asked, JsonNode caps, String area) {
        if (asked == null) {
            return null;
        }
        return asked && caps.path(area).path("listChanged").asBoolean(false);
    }

    /** Counts a holder of {@code uri}; true when it is the first (so the client must subscribe). */
    private synchronized boolean hold(String uri) {
        return uriHolders.merge(uri, 1, Integer::sum) == 1;
    }

    /** Drops a holder of {@code uri}; true when it was the last (so the client must unsubscribe). */
    private synchronized boolean release(String uri) {
        Integer left = uriHolders.computeIfPresent(uri, (k, v) -> v == 1 ? null : v - 1);
        return left == null;
    }

    private static JsonNode uriParams(String uri) {
        return McpJson.toTree(SubscribeRequest.of(uri));
    }

    /** Handshake-era subscription: the URIs it subscribed to. */
    private final class Handshake extends BaseSubscription {
        final List<String> uris;
        final AtomicBoolean closing = new AtomicBoolean();

        Handshake(SubscriptionFilter requested, SubscriptionFilter acknowledged, List<String> uris) {
            super(requested);
            this.acknowledged = acknowledged;
            this.uris = uris;
            // a lost connection leaves it open: the next connect() subscribes again (or ends it), close() ends it
        }

        /** The subscription can no longer be held (the client is closing, or a new connection is stateless). */
        void end() {
            if (closing.compareAndSet(false, true)) {
                for (String uri : uris) {
                    release(uri);
                }
            }
            handshakes.remove(this);
            closed.complete(null);
        }

        @Override
        public void close() {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
            for (String uri : uris) {
                if (release(uri)) {
                    unsubscribe(uri);
                }
            }
            handshakes.remove(this);
            closed.complete(null);
        }

        @Override
        public String toString() {
            return "Subscription[handshake " + requested + "]";
        }
    }

    /**
     * Records a {@code resources/subscribe} or {@code resources/unsubscribe} the server accepted (through a
     * {@link Subscription} or the direct methods), so a new session can subscribe again.
     */
    void accepted(String method, JsonNode params) {
        JsonNode uri = params == null ? null : params.get("uri");
        if (uri == null || !uri.isString()) {
            return;
        }
        if (McpMethods.RESOURCES_SUBSCRIBE.equals(method)) {
            subscribed.add(uri.asString());
        } else if (McpMethods.RESOURCES_UNSUBSCRIBE.equals(method)) {
            subscribed.remove(uri.asString());
        }
    }

    /** Forgets the server-side subscriptions (a new connection starts without any). */
    void connectionEnded() {
        subscribed.clear();
    }

    /**
     * Subscribes again to every resource URI the server held for the client, on a new session of the same
     * connection (the server forgot the old one); completes when every {@code resources/subscribe} was answered,
     * failed ones logged.
     */
    CompletableFuture<Void> resubscribe() {
        List<String> uris = List.copyOf(subscribed);
        McpSession session = runtime.session();
        if (uris.isEmpty() || session == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] sends = new CompletableFuture<?>[uris.size()];
        for (int i = 0; i < sends.length; i++) {
            String uri = uris.get(i);
            sends[i] = session.request(McpMethods.RESOURCES_SUBSCRIBE, uriParams(uri), RequestOptions.defaults())
                    .handle((ok, err) -> {
                        if (err != null) {
                            LOG.warn("resources/subscribe {} on the new session failed: {}", uri, err.getMessage());
                        }
                        return null;
                    });
        }
        return CompletableFuture.allOf(sends);
    }

    /**
     * The client connected again after its connection was lost: open subscriptions are re-established on the new
     * connection when its era allows (listen requests sent again in 2026-07-28, {@code resources/subscribe} again
     * for every held URI in the handshake era), and end otherwise.
     */
    void reconnected(ServerState state) {
        List<Listen> waiting = List.copyOf(suspended);
        suspended.clear();
        boolean stateless = state.version().isStateless();
        for (Listen l : waiting) {
            if (stateless && !l.closing) {
                l.ack = new CompletableFuture<>();
                send(l);
            } else {
                l.ended();
            }
        }
        List<Handshake> held = List.copyOf(handshakes);
        if (stateless) {
            held.forEach(Handshake::end);
            return;
        }
        List<String> uris;
        synchronized (this) {
            uris = List.copyOf(uriHolders.keySet());
        }
        for (String uri : uris) {
            runtime.call(McpMethods.RESOURCES_SUBSCRIBE, uriParams(uri), RequestOptions.defaults(), json -> null)
                    .exceptionally(e -> {
                        LOG.warn("resources/subscribe {} on the new connection failed: {}", uri, e.getMessage());
                        return null;
                    });
        }
    }

    /** Ends every subscription (the client is closing): listen requests are cancelled. */
    void closeAll() {
        for (Listen l : listens) {
            l.close();
        }
        for (Listen l : List.copyOf(suspended)) {
            l.close();
        }
        for (Handshake h : handshakes) {
            h.end();
        }
    }
}
