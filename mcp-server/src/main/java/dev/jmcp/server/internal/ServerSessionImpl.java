package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.elicitation.ElicitationCompleteNotification;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.core.session.InlineRequestHandler;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.session.RequestHandler;
import dev.jmcp.core.session.SessionHandlers;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.ServerSession;
import dev.jmcp.server.StoredSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A connection served by the server: the engine session plus the handshake state and subscriptions. */
public final class ServerSessionImpl implements ServerSession {
    /** Holds the SecureRandom, made on first use (its set-up costs start-up time on a path that may never need it). */
    private static final class Ids {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private static final AtomicLong SERIAL = new AtomicLong();

    private volatile String id;
    private final ServerCore core;
    private final McpSession session;
    private final boolean statelessMode;
    /** Created on first use (most stateless exchanges never subscribe); guarded by {@code this}. */
    private volatile Set<String> resourceSubscriptions;
    /** Created on first use (most stateless exchanges never listen); guarded by {@code this}. */
    private volatile Map<RequestId, Listener> listeners;

    private volatile ProtocolVersion version;
    private volatile boolean initialized;
    /** Null until initialize (most connections, every stateless exchange, never set it): read as an empty object. */
    private volatile JsonNode clientCapabilities;

    private volatile JsonNode clientInfo;
    private volatile String logLevel;
    /** The capabilities this session was told at {@code initialize} (null before it). */
    private volatile ServerCapabilities toldCapabilities;

    /**
     * A 2026-07-28 {@code subscriptions/listen} request kept open. Notifications to it are sent while holding its
     * monitor, which its acknowledgement holds too, so the acknowledgement is always its first message.
     *
     * @param requestId the listen request's id
     * @param filter what it asked for and the server honours (the acknowledged filter)
     * @param request the open request, answered when the server shuts down
     */
    public record Listener(RequestId requestId, JsonNode filter, InboundRequest request) {}

    ServerSessionImpl(ServerCore core, Transport transport, ConnectionMode mode) {
        this.core = core;
        this.statelessMode = mode == ConnectionMode.STATELESS;
        String sharedId = statelessMode || !core.scaleOut().sharesSessions() ? null : transport.sessionId();
        this.shared = sharedId != null;
        if (shared) {
            this.id = sharedId; // the same id on every instance: the store key and the owner of its tasks
        }
        McpSession.Builder b = McpSession.builder(transport)
                // a stateless exchange lives for one POST: no numbered name (a shared counter and a string each)
                .name(statelessMode ? "mcp-server-exchange" : "mcp-server-" + SERIAL.incrementAndGet())
                .handlers(core.sessionHandlers());
        if (!statelessMode && core.hasRootsListeners()) {
            // a table of its own only when the application listens: sessions otherwise share one
            b.notificationHandler(McpMethods.NOTIFICATION_ROOTS_LIST_CHANGED, n -> core.rootsListChanged(this));
        }
        if (core.extensions().hasNotificationHandlers()) { // extensions' (#21): no copy of an empty table per exchange
            core.extensions()
                    .notificationHandlers()
                    .forEach((method, handler) -> b.notificationHandler(method, n -> handler.accept(n.params(), this)));
        }
        this.session = b.attachment(this)
                .handlerExecutor(
                        statelessMode ? core.statelessExecutor() : core.config().handlerExecutor())
                .requestTimeout(core.config().clientRequestTimeout())
                .maxRequestTimeout(core.config().clientRequestTimeout())
                .maxInFlightRequests(core.config().engineLimits().maxInFlightRequestsPerSession())
                .closeHook(() -> core.onSessionClosed(this))
                .build();
    }

    /**
     * The dispatch table every session and exchange of {@code core} shares: each request (ping included) goes to
     * the router with the session it arrived on, found through the engine session's attachment.
     */
    static SessionHandlers handlers(ServerCore core) {
        RequestHandler route = r -> {
            ServerSessionImpl s = (ServerSessionImpl) r.session().attachment();
            if (s.shared) {
                s.touchIfDue();
            }
            return core.router().route(s, r);
        };
        // ping is answered on the delivering thread when nothing in its path can block or run application code
        InlineRequestHandler ping = new InlineRequestHandler() {
            @Override
            public JsonNode handle(InboundRequest r) throws Exception {
                return route.handle(r);
            }

            @Override
            public boolean inline(InboundRequest r) {
                return !core.router().hasBlockingInterceptors()
                        && !((ServerSessionImpl) r.session().attachment()).shared;
            }
        };
        return SessionHandlers.builder()
                .fallbackRequestHandler(route)
                .requestHandler(McpMethods.PING, ping)
                .ignoreNotification(McpMethods.NOTIFICATION_INITIALIZED)
                .ignoreNotification(McpMethods.NOTIFICATION_ROOTS_LIST_CHANGED)
                .build();
    }

    void start() {
        session.start();
    }

    /**
     * The session's random id, drawn on first use: most sessions (every stateless exchange) never show it, and
     * drawing from the shared {@link SecureRandom} costs a global lock.
     */
    @Override
    public String id() {
        String v = id;
        if (v == null) {
            synchronized (this) {
                v = id;
                if (v == null) {
                    byte[] bytes = new byte[24];
                    Ids.RANDOM.nextBytes(bytes);
                    v = HexFormat.of().formatHex(bytes);
                    id = v;
                }
            }
        }
        return v;
    }

    /** Whether the id was drawn yet (for tests). */
    boolean idDrawn() {
        return id != null;
    }

    @Override
    public ProtocolVersion protocolVersion() {
        return version;
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    @Override
    public boolean completeUrlElicitation(String elicitationId) {
        java.util.Objects.requireNonNull(elicitationId, "elicitationId");
        ProtocolVersion v = version;
        if (!initialized || v == null || !v.hasUrlElicitation() || v.isStateless() || !session.isOpen()) {
            return false;
        }
        session.notify(
                        McpMethods.NOTIFICATION_ELICITATION_COMPLETE,
                        McpJson.toTree(ElicitationCompleteNotification.of(elicitationId)))
                .exceptionally(e -> null);
        return true;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return session.closeFuture();
    }

    @Override
    public void close() {
        session.close();
    }

    /** The engine session. */
    public McpSession engine() {
        return session;
    }

    /** Whether this is a stateless exchange (no initialize expected). */
    public boolean isStatelessMode() {
        return statelessMode;
    }

    void markInitialized(ProtocolVersion version, JsonNode capabilities, JsonNode clientInfo, ServerCapabilities told) {
        this.version = version;
        this.toldCapabilities = told;
        this.clientCapabilities = capabilities == null || !capabilities.isObject() ? McpJson.object() : capabilities;
        this.clientInfo = clientInfo;
        this.initialized = true;
        session.setProtocolVersion(version);
        if (shared) {
            core.shared().save(this, false);
        }
    }

    /**
     * Whether {@code initialize} told this session that the server sends {@code notifications/<kind>/list_changed}
     * ({@code kind} is {@code tools}, {@code resources} or {@code prompts}).
     */
    boolean wasToldListChanged(String kind) {
        ServerCapabilities c = toldCapabilities;
        if (c == null) {
            return false;
        }
        Boolean flag =
                switch (kind) {
                    case "tools" -> c.tools() == null ? null : c.tools().listChanged();
                    case "prompts" -> c.prompts() == null ? null : c.prompts().listChanged();
                    case "resources" ->
                        c.resources() == null ? null : c.resources().listChanged();
                    default -> null;
                };
        return Boolean.TRUE.equals(flag);
    }

    /** Keeps a 2026-07-28 listen request open until the client cancels it or the server shuts down. */
    void openListener(Listener listener) {
        RequestId id = listener.requestId();
        listeners().put(id, listener);
        listener.request().onCancel(() -> listeners().remove(id));
    }

    /**
     * Ends every open listen request gracefully (2026-07-28 "Graceful Closure"): answers it with the {@code
     * subscriptions/listen} result whose {@code _meta} names the subscription, before the stream closes (a stream
     * that just ends means an unexpected disconnect).
     */
    void closeListeners() {
        Map<RequestId, Listener> open = listeners;
        if (open == null) {
            return;
        }
        for (Listener l : open.values()) {
            open.remove(l.requestId());
            ObjectNode result = McpJson.object();
            result.putObject("_meta")
                    .set(MetaKeys.SUBSCRIPTION_ID, l.requestId().toJson());
            core.router().decorate(result); // resultType "complete" and the server info, like every 2026 result
            synchronized (l) { // after its acknowledgement and every notification already sent
                l.request().respond(result);
            }
        }
    }

    @Override
    public java.util.Optional<JsonNode> clientExtension(String id) {
        JsonNode settings = Extensions.clientSettings(clientCapabilities, id);
        return java.util.Optional.ofNullable(settings == null ? null : settings.deepCopy());
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> sendExtensionNotification(String method, Object params) {
        java.util.Objects.requireNonNull(method, "method");
        if (statelessMode || !initialized) {
            return java.util.concurrent.CompletableFuture.failedFuture(new dev.jmcp.core.McpException(
                    "no channel to the client: " + method + " needs an initialized handshake-era session"));
        }
        return session.notify(method, params == null ? null : McpJson.toTree(params));
    }

    @Override
    public java.util.concurrent.CompletableFuture<JsonNode> sendExtensionRequest(String method, Object params) {
        java.util.Objects.requireNonNull(method, "method");
        if (statelessMode || !initialized) {
            return java.util.concurrent.CompletableFuture.failedFuture(new dev.jmcp.core.McpException(
                    "no channel to the client: " + method + " needs an initialized handshake-era session"));
        }
        return session.request(method, params == null ? McpJson.object() : McpJson.toTree(params));
    }

    /** The client's capabilities from initialize (an empty object before it). */
    public JsonNode clientCapabilities() {
        JsonNode c = clientCapabilities;
        return c != null ? c : McpJson.object();
    }

    /** The client's info from initialize, or null. */
    public JsonNode clientInfo() {
        return clientInfo;
    }

    /** The level set by {@code logging/setLevel}, or null (everything passes). */
    public String logLevel() {
        return logLevel;
    }

    void setLogLevel(String level) {
        this.logLevel = level;
        if (shared) {
            core.shared().save(this, true);
        }
    }

    /** The resource URIs this session subscribed to (handshake era). */
    public Set<String> resourceSubscriptions() {
        Set<String> v = resourceSubscriptions;
        if (v == null) {
            synchronized (this) {
                v = resourceSubscriptions;
                if (v == null) {
                    v = ConcurrentHashMap.newKeySet();
                    resourceSubscriptions = v;
                    retain();
                }
            }
        }
        return v;
    }

    /** The open 2026-07-28 listen requests. */
    public Map<RequestId, Listener> listeners() {
        Map<RequestId, Listener> v = listeners;
        if (v == null) {
            synchronized (this) {
                v = listeners;
                if (v == null) {
                    v = new ConcurrentHashMap<>();
                    listeners = v;
                    retain();
                }
            }
        }
        return v;
    }

    // ---- scale-out (#18): the session as a SessionStore keeps it ----
    /** Whether this session is kept in the server's session store (shared with other instances). */
    private final boolean shared;
    /** The caller that opened it (see SharedSessions.ownerOf), set at initialize or from the store. */
    private volatile String owner;

    private volatile boolean terminated;
    private volatile long touchedNanos = System.nanoTime();

    /** Whether this session is kept in a store shared with other instances. */
    boolean isShared() {
        return shared;
    }

    /** Whether the client ended the session (rather than this instance releasing its copy). */
    boolean isTerminated() {
        return terminated;
    }

    /** Records who opened the session (at initialize, before it is saved). */
    void owner(String ownerKey) {
        this.owner = ownerKey;
    }

    /** Resource subscriptions changed: saved and told to the other instances' copies. */
    void subscriptionsChanged() {
        if (shared) {
            core.shared().save(this, true);
        }
    }

    /** Extends the stored session's life, at most once per quarter of its TTL. */
    private void touchIfDue() {
        long now = System.nanoTime();
        if (now - touchedNanos > core.scaleOut().sessionTtl().toNanos() / 4) {
            touchedNanos = now;
            core.shared().touch(this);
        }
    }

    /** This session as the store keeps it. */
    StoredSession toStored() {
        Set<String> subs = resourceSubscriptions;
        return new StoredSession(
                id(),
                version,
                clientCapabilities(),
                clientInfo,
                toldCapabilities,
                owner,
                logLevel,
                subs == null ? Set.of() : Set.copyOf(subs));
    }

    /** Takes the stored state: a resumed copy before it starts, or an existing copy after a change elsewhere. */
    void reload(StoredSession stored) {
        this.owner = stored.owner();
        this.logLevel = stored.logLevel();
        if (!stored.resourceSubscriptions().isEmpty() || resourceSubscriptions != null) {
            Set<String> subs = resourceSubscriptions();
            subs.retainAll(stored.resourceSubscriptions());
            subs.addAll(stored.resourceSubscriptions());
        }
        if (!initialized) {
            this.version = stored.protocolVersion();
            this.toldCapabilities = stored.serverCapabilities();
            this.clientCapabilities = stored.clientCapabilities();
            this.clientInfo = stored.clientInfo();
            this.initialized = true;
            session.setProtocolVersion(stored.protocolVersion());
        }
    }

    /**
     * Sends a server-wide notification (resource updated, list changed): on a shared session through {@link
     * Transport#sendFanOut}, since every instance's copy gets the same one.
     */
    void notifyFanOut(String method, JsonNode params) {
        if (shared) {
            if (session.isOpen()) {
                session.transport()
                        .sendFanOut(new JsonRpcNotification(method, params))
                        .exceptionally(e -> null);
            }
        } else {
            session.notify(method, params).exceptionally(e -> null);
        }
    }

    /** The client ended the session: forgotten in the store, then closed. */
    @Override
    public void terminate() {
        terminated = true;
        try {
            core.shared().delete(this);
        } finally {
            close();
        }
    }

    // ---- end of scale-out ----

    /**
     * A stateless exchange joins the server's sessions only once it may receive server notifications (it
     * subscribed or listens), so that list changes and resource updates reach its stream; a session always is.
     */
    private void retain() {
        if (statelessMode) {
            core.retain(this);
        }
    }
}
