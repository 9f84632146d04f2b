package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.capabilities.TaskRequests;
import dev.jmcp.core.protocol.capabilities.TasksCapability;
import dev.jmcp.core.protocol.notifications.NotificationParams;
import dev.jmcp.core.protocol.resources.ResourceUpdatedNotification;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.session.SessionHandlers;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.ServerExtension;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.ServerResource;
import dev.jmcp.server.ServerResourceTemplate;
import dev.jmcp.server.ServerSession;
import dev.jmcp.server.ServerTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The shared state of one server: settings, registries, sessions, and the router. */
public final class ServerCore {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);
    private final ServerConfig config;
    private final Router router;
    private final Set<ServerSessionImpl> sessions = ConcurrentHashMap.newKeySet();
    /** Open stateless exchanges, only so that {@link #close()} cancels their handlers. */
    private final Set<ServerSessionImpl> exchanges = ConcurrentHashMap.newKeySet();

    private final Schemas schemas;
    private final Registry<ServerTool> tools = new Registry<>(() -> listChanged("tools"));
    private final Registry<ServerResource> resources = new Registry<>(() -> listChanged("resources"));
    private final Registry<ServerResourceTemplate> templates = new Registry<>(() -> listChanged("resources"));
    private final Registry<ServerPrompt> prompts = new Registry<>(() -> listChanged("prompts"));
    private final Tasks tasks;
    private final Extensions extensions = new Extensions();
    private final JsonNode serverInfoJson;
    private final SessionHandlers sessionHandlers;
    private final List<Consumer<ServerSession>> rootsListeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;
    /** Where the handlers of stateless exchanges run (see {@link dev.jmcp.server.HandlerExecution}). */
    private volatile Executor statelessExecutor;

    /** Creates the core and registers every method. */
    public ServerCore(ServerConfig config) {
        this(config, List.of());
    }

    /** Creates the core and registers every method, the application's extensions' included. */
    public ServerCore(ServerConfig config, List<ServerExtension> applicationExtensions) {
        this.config = config;
        this.serverInfoJson = McpJson.toTree(config.serverInfo());
        this.router = new Router(this);
        this.sessionHandlers = ServerSessionImpl.handlers(this);
        this.schemas = new Schemas(config.schemaCacheSize());
        Lifecycle.register(this);
        Tools.register(this);
        Resources.register(this);
        Prompts.register(this);
        Completions.register(this);
        Subscriptions.register(this);
        this.tasks = new Tasks(this);
        applicationExtensions.forEach(e -> extensions.add(e, this));
        this.statelessExecutor = config.handlerExecutor();
    }

    /** Sets where the handlers of stateless exchanges run (while building); default the handler executor. */
    public void statelessExecutor(Executor executor) {
        this.statelessExecutor = java.util.Objects.requireNonNull(executor, "executor");
    }

    /** Where the handlers of stateless exchanges run. */
    Executor statelessExecutor() {
        return statelessExecutor;
    }

    /** The extensions this server offers (the tasks extension and the application's). */
    Extensions extensions() {
        return extensions;
    }

    /** Whether a tool may run as a task (the tasks extension is then declared in 2026-07-28). */
    boolean hasTaskTools() {
        return tools.list().stream().anyMatch(t -> Tools.taskSupport(t.tool()) != ToolExecution.TaskSupport.FORBIDDEN);
    }

    // ---- scale-out (#18) ----
    private volatile ScaleOut scaleOut = ScaleOut.none();
    private volatile SharedSessions shared = new SharedSessions(this, scaleOut);

    /** Sets what this server shares with its other instances (while building). */
    public void scaleOut(ScaleOut scaleOut) {
        this.shared.close();
        this.scaleOut = scaleOut;
        this.shared = new SharedSessions(this, scaleOut);
    }

    /** What this server shares with its other instances. */
    public ScaleOut scaleOut() {
        return scaleOut;
    }

    SharedSessions shared() {
        return shared;
    }

    /** Rebuilds a session another instance opened from the session store; null when it cannot (see McpServer). */
    public ServerSessionImpl resume(Transport transport, dev.jmcp.core.transport.InboundContext caller) {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        return shared.resume(transport, caller);
    }

    /** Serves {@code transport} as this instance's copy of a stored session. */
    ServerSessionImpl connectResumed(Transport transport, dev.jmcp.server.StoredSession stored) {
        ServerSessionImpl s = new ServerSessionImpl(this, transport, ConnectionMode.SESSION);
        s.reload(stored);
        sessions.add(s);
        s.start();
        return s;
    }

    // ---- end of scale-out ----

    /** Adds a listener called when a client sends {@code notifications/roots/list_changed} (set while building). */
    public void addRootsListChangedListener(Consumer<ServerSession> listener) {
        rootsListeners.add(listener);
    }

    boolean hasRootsListeners() {
        return !rootsListeners.isEmpty();
    }

    /** A client said its roots changed: tells the application's listeners (a failing listener is logged). */
    void rootsListChanged(ServerSessionImpl session) {
        for (Consumer<ServerSession> l : rootsListeners) {
            try {
                l.accept(session);
            } catch (RuntimeException e) {
                LOG.warn("a roots list_changed listener failed", e);
            }
        }
    }

    /** Marks the end of building: from now on registry changes notify clients. */
    public void markStarted() {
        started = true;
    }

    /** The tools. */
    public Registry<ServerTool> tools() {
        return tools;
    }

    /** Registers a tool after checking its name and schemas. */
    public void addTool(ServerTool tool) {
        Tools.check(schemas, tool);
        tools.put(tool.tool().name(), tool);
    }

    /** The static resources by URI. */
    public Registry<ServerResource> resources() {
        return resources;
    }

    /** The resource templates by URI template. */
    public Registry<ServerResourceTemplate> templates() {
        return templates;
    }

    /** The prompts by name. */
    public Registry<ServerPrompt> prompts() {
        return prompts;
    }

    /**
     * Tells subscribers a resource changed: handshake sessions that subscribed to {@code uri}, and 2026-07-28
     * listeners whose {@code resourceSubscriptions} include it.
     */
    public void resourceUpdated(String uri) {
        SharedSessions fanOut = shared;
        if (fanOut.fansOut()) {
            fanOut.publish('R', uri); // every instance, this one included, notifies its own subscribers
            return;
        }
        resourceUpdatedLocally(uri);
    }

    /** Tells this instance's subscribers that a resource changed. */
    void resourceUpdatedLocally(String uri) {
        JsonNode params = McpJson.toTree(ResourceUpdatedNotification.of(uri));
        for (ServerSessionImpl s : sessions()) {
            if (s.resourceSubscriptions().contains(uri)) {
                s.notifyFanOut(McpMethods.NOTIFICATION_RESOURCES_UPDATED, params);
            }
            for (ServerSessionImpl.Listener l : s.listeners().values()) {
                for (JsonNode u : l.filter().path("resourceSubscriptions")) {
                    if (uri.equals(u.asString(""))) {
                        JsonNode p = McpJson.toTree(new ResourceUpdatedNotification(uri, listenerMeta(l)));
                        synchronized (l) { // after its acknowledgement (see Subscriptions)
                            s.engine()
                                    .notify(McpMethods.NOTIFICATION_RESOURCES_UPDATED, p, l.requestId())
                                    .exceptionally(e -> null);
                        }
                        break;
                    }
                }
            }
        }
    }

    /** The schema compiler and cache. */
    public Schemas schemas() {
        return schemas;
    }

    /** Whether {@link #close()} ran. */
    boolean isClosed() {
        return closed;
    }

    Tasks tasks() {
        return tasks;
    }

    /** Adds the 2026-07-28 caching hints to a list or read result. */
    void cacheHints(Call call, ObjectNode result) {
        if (call.stateless()) {
            result.put("ttlMs", config.listTtlMs());
            result.put("cacheScope", config.cacheScope().wire());
        }
    }

    /**
     * Tells clients a list changed: every initialized handshake session that was told {@code listChanged} for that
     * kind at {@code initialize}, and every 2026-07-28 listener whose acknowledged filter asked for it.
     */
    void listChanged(String kind) {
        if (!started) {
            return;
        }
        SharedSessions fanOut = shared;
        if (fanOut.fansOut()) {
            fanOut.publish('L', kind);
            return;
        }
        listChangedLocally(kind);
    }

    /** Tells this instance's sessions and listeners that a list changed. */
    void listChangedLocally(String kind) {
        String method = "notifications/" + kind + "/list_changed";
        String filterKey = kind + "ListChanged";
        for (ServerSessionImpl s : sessions()) {
            if (s.isInitialized() && s.wasToldListChanged(kind)) {
                s.notifyFanOut(method, null);
            }
            for (ServerSessionImpl.Listener l : s.listeners().values()) {
                if (l.filter().path(filterKey).asBoolean(false)) {
                    JsonNode p = McpJson.toTree(new NotificationParams(listenerMeta(l)));
                    synchronized (l) { // after its acknowledgement (see Subscriptions)
                        s.engine().notify(method, p, l.requestId()).exceptionally(e -> null);
                    }
                }
            }
        }
    }

    /** The {@code _meta} of a notification sent on a listen stream: its subscription id. */
    static ObjectNode listenerMeta(ServerSessionImpl.Listener l) {
        ObjectNode meta = McpJson.object();
        meta.set(MetaKeys.SUBSCRIPTION_ID, l.requestId().toJson());
        return meta;
    }

    /** The settings. */
    public ServerConfig config() {
        return config;
    }

    /** The router. */
    public Router router() {
        return router;
    }

    /** The server as sent in {@code serverInfo}, with every field it was built with. */
    public Implementation serverInfo() {
        return config.serverInfo();
    }

    /** A fresh JSON tree of {@link #serverInfo()}, for {@code _meta} (callers may modify it). */
    JsonNode serverInfoJson() {
        return SmallNodes.copy(serverInfoJson);
    }

    /**
     * The server capabilities under a revision, derived from what is registered: {@code completions} from
     * 2025-03-26, task support as the core {@code tasks} capability in 2025-11-25 and as the tasks extension in
     * 2026-07-28. Declares {@code listChanged} and {@code subscribe} as if the connection can deliver them.
     */
    public ServerCapabilities capabilities(ProtocolVersion version) {
        return capabilities(version, true, McpJson.object());
    }

    /**
     * The capabilities a connection is told: a stateless exchange answering a handshake-era {@code initialize} has
     * no stream to carry list changes or resource updates, so it declares neither {@code listChanged} nor {@code
     * subscribe}; a session (and any 2026-07-28 request, served through {@code subscriptions/listen}) declares both.
     */
    ServerCapabilities capabilities(
            ProtocolVersion version, ServerSessionImpl connection, JsonNode clientCapabilities) {
        return capabilities(version, version.isStateless() || !connection.isStatelessMode(), clientCapabilities);
    }

    private ServerCapabilities capabilities(ProtocolVersion version, boolean notifies, JsonNode clientCapabilities) {
        ServerCapabilities.Builder caps = ServerCapabilities.builder().logging();
        if (!tools.isEmpty() || config.declareTools()) {
            caps.tools(notifies);
        }
        if (!resources.isEmpty() || !templates.isEmpty() || config.declareResources()) {
            if (notifies) {
                caps.resources(
                        ServerCapabilities.ResourceFeature.SUBSCRIBE, ServerCapabilities.ResourceFeature.LIST_CHANGED);
            } else {
                caps.resources();
            }
        }
        if (!prompts.isEmpty() || config.declarePrompts()) {
            caps.prompts(notifies);
        }
        if (version.hasToolAnnotations()
                && (prompts.list().stream().anyMatch(p -> p.completion() != null)
                        || templates.list().stream().anyMatch(t -> t.completion() != null))) {
            caps.completions();
        }
        if (hasTaskTools()) {
            // 2026-07-28: the tasks extension, declared through the extensions below
            if (version.hasCoreTasks() && !version.isStateless()) {
                caps.tasks(TasksCapability.builder()
                        .list()
                        .cancel()
                        .requests(TaskRequests.builder().toolsCall().build())
                        .build());
            }
        }
        Map<String, JsonNode> declared = extensions.declared(version, clientCapabilities);
        if (declared != null) {
            caps.extensions(declared);
        }
        return caps.build();
    }

    /**
     * Serves a connection. A stateless exchange is not listed in {@link #sessions()} unless it subscribes or
     * listens ({@link #retain}): it shares the dispatch table, lives for one POST, and is only remembered so that
     * {@link #close()} cancels it.
     */
    public ServerSessionImpl connect(Transport transport, ConnectionMode mode) {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        ServerSessionImpl s = new ServerSessionImpl(this, transport, mode);
        (mode == ConnectionMode.SESSION ? sessions : exchanges).add(s);
        s.start();
        return s;
    }

    /** The dispatch table shared by every session and exchange of this server. */
    SessionHandlers sessionHandlers() {
        return sessionHandlers;
    }

    /** Lists a stateless exchange that may now receive server notifications, while it is open. */
    void retain(ServerSessionImpl exchange) {
        sessions.add(exchange);
        if (!exchange.engine().isOpen()) {
            sessions.remove(exchange);
        }
    }

    /** The open sessions. */
    public List<ServerSessionImpl> sessions() {
        return new ArrayList<>(sessions);
    }

    void onSessionClosed(ServerSessionImpl session) {
        if (session.isStatelessMode()) {
            exchanges.remove(session);
        }
        sessions.remove(session);
        if (!session.isShared() || session.isTerminated()) {
            tasks.sessionClosed(session); // a shared session released here lives on elsewhere, and so do its tasks
        }
    }

    /** Closes every session. */
    public void close() {
        closed = true;
        shared.close();
        tasks.close();
        for (ServerSessionImpl s : sessions()) {
            s.closeListeners();
            s.close();
        }
        for (ServerSessionImpl s : new ArrayList<>(exchanges)) {
            s.close();
        }
    }
}
