package dev.jmcp.server;

import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.apps.AppsProtocol;
import dev.jmcp.core.protocol.apps.UiToolMeta;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.internal.AppOnlyTools;
import dev.jmcp.server.internal.ConnectionMode;
import dev.jmcp.server.internal.EngineLimits;
import dev.jmcp.server.internal.HandlerBulkhead;
import dev.jmcp.server.internal.ScaleOut;
import dev.jmcp.server.internal.ServerConfig;
import dev.jmcp.server.internal.ServerCore;
import dev.jmcp.server.internal.StateKeys;
import dev.jmcp.server.internal.StatelessExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * An MCP server. Register handlers once; the server serves them to clients of every revision from 2024-11-05 to
 * 2025-11-25 (handshake, sessions, server-to-client requests) and to 2026-07-28 clients (stateless requests,
 * {@code server/discover}, {@code input_required} results) on the same instance.
 *
 * <pre>{@code
 * Tool greet = Tool.builder("greet", McpJson.parse("""
 *         {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}"""))
 *         .description("Greets someone by name")
 *         .build();
 *
 * McpServer server = McpServer.builder()
 *         .name("greeter").version("1.0.0")
 *         .tool(greet, (request, ctx) -> {
 *             ctx.progress(Progress.of(1).total(1).message("looked up the name"));
 *             return CallToolResult.text("Hello, " + request.arguments().get("name").asString() + "!");
 *         })
 *         .build();
 *
 * StdioServer.serve(server);                                  // mcp-transport-stdio: a desktop host's subprocess
 * // or McpHttpServer.builder(server).port(8080).start();     // mcp-transport-http: http://127.0.0.1:8080/mcp
 * // or server.connect(InMemoryTransport.linkedPair().serverSide()) in a test
 * }</pre>
 *
 * <p>Arguments are validated against the input schema before the handler runs; a handler that throws answers
 * {@code isError: true} with its message. For record-typed tools with generated schemas see {@link TypedTools}.
 *
 * <p>Handlers are blocking code run on the handler executor (a virtual thread per request on JDK 21+). Cross-cutting
 * concerns (metrics, tracing, audit, rate limits) plug in as {@link ServerInterceptor}s around every request.
 */
public final class McpServer implements ServerConnector, AutoCloseable {
    private final ServerCore core;

    private McpServer(ServerCore core) {
        this.core = core;
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Serves one connection: a handshake-era session that may also carry 2026-07-28 stateless requests. */
    @Override
    public ServerSession connect(Transport transport) {
        return core.connect(Objects.requireNonNull(transport, "transport"), ConnectionMode.SESSION);
    }

    /**
     * Serves one stateless exchange: no {@code initialize} expected; each request is served using the version in
     * its 2026-07-28 {@code _meta}, else the {@code mcp-protocol-version} header of its inbound context, else
     * 2025-03-26.
     */
    @Override
    public ServerSession connectStateless(Transport transport) {
        return core.connect(Objects.requireNonNull(transport, "transport"), ConnectionMode.STATELESS);
    }

    /**
     * Resumes a session another instance opened (issue #18): rebuilt from the {@link Builder#sessionStore session
     * store} under {@code transport.sessionId()}, no new {@code initialize}; null when there is no store, the session
     * is unknown or expired, or {@code caller} does not own it.
     */
    @Override
    public ServerSession resume(Transport transport, dev.jmcp.core.transport.InboundContext caller) {
        return core.resume(Objects.requireNonNull(transport, "transport"), caller);
    }

    /**
     * Adds (or replaces) a tool at run time; clients that asked are told the list changed.
     *
     * @param tool the tool
     */
    public void addTool(ServerTool tool) {
        core.addTool(tool);
    }

    /**
     * Adds (or replaces) a tool at run time.
     *
     * @param tool the tool
     * @param handler the handler that runs the tool
     */
    public void addTool(Tool tool, ToolHandler handler) {
        addTool(new ServerTool(tool, handler));
    }

    /**
     * Removes a tool; returns whether it was registered.
     *
     * @param name the tool's name
     * @return whether the tool was registered
     */
    public boolean removeTool(String name) {
        return core.tools().remove(name);
    }

    /**
     * Adds (or replaces) a static resource at run time.
     *
     * @param resource the resource
     */
    public void addResource(ServerResource resource) {
        core.resources().put(resource.resource().uri(), resource);
    }

    /**
     * Removes a static resource; returns whether it was registered.
     *
     * @param uri the resource's URI
     * @return whether the resource was registered
     */
    public boolean removeResource(String uri) {
        return core.resources().remove(uri);
    }

    /**
     * Adds (or replaces) a resource template at run time.
     *
     * @param template the template
     */
    public void addResourceTemplate(ServerResourceTemplate template) {
        core.templates().put(template.template().uriTemplate(), template);
    }

    /**
     * Removes a resource template; returns whether it was registered.
     *
     * @param uriTemplate the URI template
     * @return whether the template was registered
     */
    public boolean removeResourceTemplate(String uriTemplate) {
        return core.templates().remove(uriTemplate);
    }

    /**
     * Adds (or replaces) a prompt at run time.
     *
     * @param prompt the prompt
     */
    public void addPrompt(ServerPrompt prompt) {
        core.prompts().put(prompt.prompt().name(), prompt);
    }

    /**
     * Removes a prompt; returns whether it was registered.
     *
     * @param name the prompt's name
     * @return whether the prompt was registered
     */
    public boolean removePrompt(String name) {
        return core.prompts().remove(name);
    }

    /**
     * Sends {@code notifications/resources/updated} for {@code uri} to the clients subscribed to it (handshake
     * {@code resources/subscribe} or 2026-07-28 {@code subscriptions/listen}).
     *
     * @param uri the resource's URI
     */
    public void notifyResourceUpdated(String uri) {
        core.resourceUpdated(Objects.requireNonNull(uri, "uri"));
    }

    /**
     * The sessions being served.
     *
     * @return the sessions being served
     */
    public List<ServerSession> sessions() {
        return List.copyOf(core.sessions());
    }

    /** Closes every session. Never shuts down an executor the application supplied. */
    @Override
    public void close() {
        core.close();
    }

    /** Builds an {@link McpServer}. */
    public static final class Builder {
        private String name = "jmcp-server";
        private String version = "0.0.0";
        private String title;
        private String description;
        private String websiteUrl;
        private String instructions;
        private List<Icon> icons;
        private Executor executor;
        private Duration handlerTimeout = Duration.ofMinutes(10);
        private Duration clientRequestTimeout = Duration.ofMinutes(5);
        private int pageSize = 100;
        private Duration taskTtl = Duration.ofHours(1);
        private long cacheTtlMs = 0;
        private CacheScope cacheScope = CacheScope.PRIVATE;
        private final List<ServerTool> tools = new ArrayList<>();
        private final List<ServerResource> resources = new ArrayList<>();
        private final List<ServerResourceTemplate> templates = new ArrayList<>();
        private final List<ServerPrompt> prompts = new ArrayList<>();
        private final Set<ServerFeature> declared = EnumSet.noneOf(ServerFeature.class);
        private ClientRequestMode clientRequestMode = ClientRequestMode.PLAIN;
        private final List<ServerInterceptor> interceptors = new ArrayList<>();
        // tasks and requestState (#13, #14)
        private Duration taskTimeout;
        private int maxTasksPerOwner = 100;
        private StateKeys.Key stateKey;
        private final List<StateKeys.Key> previousStateKeys = new ArrayList<>();
        private Duration stateKeyGrace = Duration.ofHours(1);
        private Duration stateMaxAge = Duration.ofMinutes(10);
        private java.util.function.UnaryOperator<String> environment = System::getenv;

        private Builder() {}

        /**
         * The server's programmatic name ({@code serverInfo.name}).
         *
         * @param name the server's programmatic name ({@code serverInfo.name})
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The server's version ({@code serverInfo.version}).
         *
         * @param version the server's version ({@code serverInfo.version})
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * A display name ({@code serverInfo.title}).
         *
         * @param title a display name ({@code serverInfo.title})
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * A description ({@code serverInfo.description}, 2025-11-25).
         *
         * @param description a description ({@code serverInfo.description}, 2025-11-25)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * The project's website ({@code serverInfo.websiteUrl}, 2025-11-25).
         *
         * @param websiteUrl the project's website ({@code serverInfo.websiteUrl}, 2025-11-25)
         * @return this builder
         */
        public Builder websiteUrl(String websiteUrl) {
            this.websiteUrl = websiteUrl;
            return this;
        }

        /**
         * Icons of the server ({@code serverInfo.icons}, 2025-11-25).
         *
         * @param icons icons of the server ({@code serverInfo.icons}, 2025-11-25)
         * @return this builder
         */
        public Builder icons(List<Icon> icons) {
            this.icons = icons == null ? null : List.copyOf(icons);
            return this;
        }

        /**
         * Instructions for the model, sent on initialize and discover.
         *
         * @param instructions instructions for the model, sent on initialize and discover
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /**
         * Where handlers run; default a virtual thread per request on 21+, a bounded pool on 17.
         *
         * @param executor where handlers run; default a virtual thread per request on 21+, a bounded pool on 17
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * How long a handler may run before it is cancelled and the request fails; default 10 min. Tasks are not
         * bound by it: see {@link #taskTimeout}.
         *
         * @param timeout how long a handler may run before it is cancelled and the request fails; default 10 min
         * @return this builder
         */
        public Builder handlerTimeout(Duration timeout) {
            this.handlerTimeout = positive(timeout);
            return this;
        }

        /**
         * How long an elicitation, sampling or roots request to the client may wait; default 5 min.
         *
         * @param timeout how long an elicitation, sampling or roots request to the client may wait; default 5 min
         * @return this builder
         */
        public Builder clientRequestTimeout(Duration timeout) {
            this.clientRequestTimeout = positive(timeout);
            return this;
        }

        /**
         * Items per page of every list; default 100.
         *
         * @param pageSize items per page of every list; default 100
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be positive");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Default and maximum time-to-live of a task (SEP-1686); default 1 h.
         *
         * @param ttl default and maximum time-to-live of a task (SEP-1686); default 1 h
         * @return this builder
         */
        public Builder taskTtl(Duration ttl) {
            this.taskTtl = positive(ttl);
            return this;
        }

        /**
         * How long a task's handler may run, for tools without their own {@link ServerTool#withTaskTimeout limit};
         * default the {@link #taskTtl task TTL} (1 h). A task is bounded by this limit, its TTL and cancellation,
         * never by the {@link #handlerTimeout handler timeout} of ordinary requests.
         *
         * @param timeout how long a task's handler may run, for tools without their own {@link
         *     ServerTool#withTaskTimeout limit}; default the {@link #taskTtl task TTL} (1 h)
         * @return this builder
         */
        public Builder taskTimeout(Duration timeout) {
            this.taskTimeout = positive(timeout);
            return this;
        }

        /**
         * How many tasks one owner may hold at once, running or keeping a result until its TTL ends; default 100.
         * The owner is the authenticated principal, else the handshake session, else (2026-07-28 without
         * authentication) every anonymous caller together. One more task is refused with -32600.
         *
         * @param max how many tasks one owner may hold at once, running or keeping a result until its TTL ends; default
         *     100
         * @return this builder
         */
        public Builder maxTasksPerOwner(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTasksPerOwner must be positive");
            }
            this.maxTasksPerOwner = max;
            return this;
        }

        /**
         * The AES key (16, 24 or 32 bytes) that encrypts and authenticates 2026-07-28 {@code requestState}, with a
         * key id derived from it. Give every instance behind one load balancer the same key, so any of them can
         * serve a retry. Without one the server reads {@value StateKeys#ENVIRONMENT_VARIABLE}, else uses a random
         * key of its own (retries must then reach the same instance).
         *
         * @param key the AES key (16, 24 or 32 bytes) that encrypts and authenticates 2026-07-28 {@code requestState},
         *     with a key id derived from it
         * @return this builder
         */
        public Builder requestStateKey(byte[] key) {
            this.stateKey = StateKeys.Key.derived(key);
            return this;
        }

        /**
         * The current {@code requestState} key under an explicit key id (1-64 of {@code [A-Za-z0-9_-]}).
         *
         * @param keyId the key id (1-64 of {@code [A-Za-z0-9_-]})
         * @param key the AES key (16, 24 or 32 bytes)
         * @return this builder
         */
        public Builder requestStateKey(String keyId, byte[] key) {
            this.stateKey = StateKeys.Key.of(keyId, key);
            return this;
        }

        /**
         * A previous {@code requestState} key: states sealed with it are still accepted for the {@link
         * #requestStateKeyGrace grace period} after the server is built (key rotation). May be called repeatedly.
         *
         * @param keyId the key id the states were sealed under
         * @param key the previous AES key (16, 24 or 32 bytes)
         * @return this builder
         */
        public Builder previousRequestStateKey(String keyId, byte[] key) {
            previousStateKeys.add(StateKeys.Key.of(keyId, key));
            return this;
        }

        /**
         * Keys in the form of {@value StateKeys#ENVIRONMENT_VARIABLE}: {@code base64} or {@code
         * kid:base64[,kid:base64...]}, the first the current key and the others previous keys.
         *
         * @param keys keys in the form of {@value StateKeys#ENVIRONMENT_VARIABLE}: {@code base64} or {@code
         *     kid:base64[,kid:base64...]}, the first the current key and the others previous keys
         * @return this builder
         * @throws IllegalArgumentException when the list cannot be parsed (the message never shows key material)
         */
        public Builder requestStateKeys(String keys) {
            List<StateKeys.Key> parsed = StateKeys.parse(keys);
            this.stateKey = parsed.get(0);
            previousStateKeys.addAll(parsed.subList(1, parsed.size()));
            return this;
        }

        /**
         * How long previous {@code requestState} keys are accepted after the server is built; default 1 h.
         *
         * @param grace how long previous {@code requestState} keys are accepted after the server is built; default 1 h
         * @return this builder
         */
        public Builder requestStateKeyGrace(Duration grace) {
            this.stateKeyGrace = positive(grace);
            return this;
        }

        /**
         * How long after it was issued a {@code requestState} is accepted; default 10 min. Within that time a
         * state may be replayed (see docs/architecture.md, "Replay policy").
         *
         * @param maxAge how long after it was issued a {@code requestState} is accepted; default 10 min
         * @return this builder
         */
        public Builder requestStateMaxAge(Duration maxAge) {
            this.stateMaxAge = positive(maxAge);
            return this;
        }

        /** Where {@value StateKeys#ENVIRONMENT_VARIABLE} is read from (tests); default the process environment. */
        Builder environment(java.util.function.UnaryOperator<String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        private StateKeys stateKeys() {
            if (stateKey == null) {
                String env = environment.apply(StateKeys.ENVIRONMENT_VARIABLE);
                if (env != null && !env.isBlank()) {
                    List<StateKeys.Key> parsed;
                    try {
                        parsed = StateKeys.parse(env);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(StateKeys.ENVIRONMENT_VARIABLE + ": " + e.getMessage());
                    }
                    return StateKeys.of(
                            parsed.get(0), concat(parsed.subList(1, parsed.size()), previousStateKeys), stateKeyGrace);
                }
                return StateKeys.random();
            }
            return StateKeys.of(stateKey, previousStateKeys, stateKeyGrace);
        }

        private static List<StateKeys.Key> concat(List<StateKeys.Key> a, List<StateKeys.Key> b) {
            List<StateKeys.Key> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        /**
         * The 2026-07-28 caching hints on lists and reads: {@code ttlMs} and {@code cacheScope}.
         *
         * @param ttlMs how long a client may cache the answer, in milliseconds ({@code ttlMs})
         * @param scope who may share the cached answer ({@code cacheScope})
         * @return this builder
         */
        public Builder cacheHints(long ttlMs, CacheScope scope) {
            if (ttlMs < 0) {
                throw new IllegalArgumentException("ttlMs must not be negative");
            }
            this.cacheTtlMs = ttlMs;
            this.cacheScope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Registers a tool. Its schemas must compile; a name that breaks the SEP-986 naming rule (a SHOULD) is
         * registered with a logged warning.
         *
         * @param tool the tool
         * @param handler the handler that runs the tool
         * @return this builder
         * @throws IllegalArgumentException when the name is empty or a schema is invalid
         */
        public Builder tool(Tool tool, ToolHandler handler) {
            return tool(new ServerTool(tool, handler));
        }

        /**
         * Registers a tool (for example a typed tool).
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder tool(ServerTool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * Registers a static resource.
         *
         * @param resource the resource
         * @param handler the handler that reads the resource
         * @return this builder
         */
        public Builder resource(Resource resource, ResourceHandler handler) {
            resources.add(new ServerResource(resource, handler));
            return this;
        }

        /**
         * Registers a resource template (RFC 6570) and the handler of the URIs it matches.
         *
         * @param template the template
         * @param handler the handler that reads the resources whose URIs the template matches
         * @return this builder
         */
        public Builder resourceTemplate(ResourceTemplate template, ResourceHandler handler) {
            return resourceTemplate(new ServerResourceTemplate(template, handler));
        }

        /**
         * Registers a resource template with completion for its variables.
         *
         * @param template the template
         * @return this builder
         */
        public Builder resourceTemplate(ServerResourceTemplate template) {
            templates.add(Objects.requireNonNull(template, "template"));
            return this;
        }

        /**
         * Registers a prompt.
         *
         * @param prompt the prompt
         * @param handler the handler that renders the prompt
         * @return this builder
         */
        public Builder prompt(Prompt prompt, PromptHandler handler) {
            return prompt(new ServerPrompt(prompt, handler));
        }

        /**
         * Registers a prompt with completion for its arguments.
         *
         * @param prompt the prompt
         * @return this builder
         */
        public Builder prompt(ServerPrompt prompt) {
            prompts.add(Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        /**
         * Declares the capabilities of {@code features} even when nothing of that kind is registered yet (for
         * servers that add them at run time), e.g. {@code declareCapabilities(ServerFeature.TOOLS)}.
         *
         * @param features the features
         * @return this builder
         */
        public Builder declareCapabilities(ServerFeature... features) {
            declared.clear();
            declared.addAll(List.of(features));
            return this;
        }

        /**
         * How elicitation and sampling requests are sent to handshake-era clients; default {@link
         * ClientRequestMode#PLAIN}.
         *
         * @param mode how elicitation and sampling requests are sent to handshake-era clients; default {@link
         *     ClientRequestMode#PLAIN}
         * @return this builder
         */
        public Builder clientRequestMode(ClientRequestMode mode) {
            this.clientRequestMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Adds an interceptor around every request. Interceptors run in registration order, the first registered
         * outermost.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder interceptor(ServerInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        // ---- engine limits (#14): per-session in-flight cap and the server-wide handler bulkhead ----

        private int maxConcurrentRequestsPerSession = McpSession.DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        private int maxConcurrentHandlers = HandlerBulkhead.DEFAULT_MAX_CONCURRENT_HANDLERS;
        private Duration handlerSlotWait = HandlerBulkhead.DEFAULT_MAX_WAIT;

        /**
         * The most requests one session (or one stateless exchange) handles at once; default 256. One more is
         * answered at once with JSON-RPC error {@code -32010} ({@link dev.jmcp.core.ErrorCodes#SERVER_BUSY}) "too
         * many concurrent requests", without running.
         *
         * @param max the most requests one session (or one stateless exchange) handles at once; default 256
         * @return this builder
         */
        public Builder maxConcurrentRequestsPerSession(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentRequestsPerSession must be positive");
            }
            this.maxConcurrentRequestsPerSession = max;
            return this;
        }

        /**
         * The server-wide bulkhead: at most {@code maxConcurrentHandlers} tool, prompt and resource handlers run
         * at once over all sessions and stateless exchanges (default 1024); a request waits up to {@code maxWait}
         * (default 10 s) for a slot, then is answered JSON-RPC error {@code -32010} ("server busy") without
         * running.
         *
         * @param maxConcurrentHandlers the most handlers that run at once over the whole server
         * @param maxWait how long a request waits for a free slot before it is refused
         * @return this builder
         */
        public Builder handlerConcurrency(int maxConcurrentHandlers, Duration maxWait) {
            if (maxConcurrentHandlers < 1) {
                throw new IllegalArgumentException("maxConcurrentHandlers must be positive");
            }
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative");
            }
            this.maxConcurrentHandlers = maxConcurrentHandlers;
            this.handlerSlotWait = maxWait;
            return this;
        }

        private EngineLimits engineLimits() {
            return new EngineLimits(
                    maxConcurrentRequestsPerSession, new HandlerBulkhead(maxConcurrentHandlers, handlerSlotWait));
        }

        // ---- end of engine limits ----

        // -- protocol hooks (#13) --
        private final List<Consumer<ServerSession>> rootsListeners = new ArrayList<>();

        /**
         * Calls {@code listener} with the session whenever its client sends {@code
         * notifications/roots/list_changed} (a client that declared {@code roots.listChanged}); ask for the new
         * roots in the next request's handler with {@link RequestContext#roots()}. Runs on the session's delivery
         * thread: keep it short.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder onRootsListChanged(Consumer<ServerSession> listener) {
            rootsListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        // ---- annotated handlers (#15) ----
        private final List<Object> annotatedHandlers = new ArrayList<>();

        /**
         * Registers the annotated methods ({@link McpTool}, {@link McpPrompt}, {@link McpResource}, {@link
         * McpCompletion}) of {@code handlers}, an object of any class. They are inspected by {@link #build()}, which
         * throws {@link IllegalArgumentException} naming the class, method and parameter of any mistake (a name
         * used twice, an unsupported parameter type, template variables that do not match the parameters...).
         * In a named module, the handler's package must be exported to (or, for non-public classes, opened to)
         * {@code dev.jmcp.server}, and the packages of record or POJO arguments opened to {@code
         * tools.jackson.databind}.
         *
         * @param handlers the handlers
         * @return this builder
         */
        public Builder handlers(Object handlers) {
            annotatedHandlers.add(Objects.requireNonNull(handlers, "handlers"));
            return this;
        }

        /**
         * Registers the annotated methods of {@code handlerClass}, instantiated by {@link #build()} with its
         * no-argument constructor (not needed when all its annotated methods are static).
         *
         * @param handlerClass the handler class
         * @return this builder
         */
        public Builder handlers(Class<?> handlerClass) {
            annotatedHandlers.add(Objects.requireNonNull(handlerClass, "handlerClass"));
            return this;
        }

        /** The registrations with those of the annotated handlers added; a name or URI used twice is refused. */
        private AnnotatedHandlers withAnnotatedHandlers() {
            List<ServerTool> t = new ArrayList<>(tools);
            List<ServerPrompt> p = new ArrayList<>(prompts);
            List<ServerResource> r = new ArrayList<>(resources);
            List<ServerResourceTemplate> rt = new ArrayList<>(templates);
            for (Object h : annotatedHandlers) {
                AnnotatedHandlers a = AnnotatedHandlers.of(h);
                String owner = (h instanceof Class<?> c ? c : h.getClass()).getName();
                for (ServerTool x : a.tools()) {
                    unique(owner, "tool", x.tool().name(), t.stream().map(y -> y.tool()
                            .name()));
                    t.add(x);
                }
                for (ServerPrompt x : a.prompts()) {
                    unique(owner, "prompt", x.prompt().name(), p.stream().map(y -> y.prompt()
                            .name()));
                    p.add(x);
                }
                for (ServerResource x : a.resources()) {
                    unique(owner, "resource", x.resource().uri(), r.stream().map(y -> y.resource()
                            .uri()));
                    r.add(x);
                }
                for (ServerResourceTemplate x : a.resourceTemplates()) {
                    unique(
                            owner,
                            "resource template",
                            x.template().uriTemplate(),
                            rt.stream().map(y -> y.template().uriTemplate()));
                    rt.add(x);
                }
            }
            return new AnnotatedHandlers(t, p, r, rt);
        }

        private static void unique(String owner, String kind, String name, java.util.stream.Stream<String> existing) {
            if (existing.anyMatch(name::equals)) {
                throw new IllegalArgumentException(
                        owner + ": a " + kind + " named \"" + name + "\" is already registered");
            }
        }

        // ---- end of annotated handlers ----

        // ---- extensions (#21) ----
        private final List<ServerExtension> extensions = new ArrayList<>();

        /**
         * Offers an extension (SEP-2133): declares it under {@code capabilities.extensions} (always, or only to
         * clients that declare it: {@link ServerExtension#declaration()}) and serves its methods. {@link #build()}
         * refuses two extensions with one identifier and a method that another extension or the core protocol
         * already serves.
         *
         * @param extension the extension
         * @return this builder
         */
        public Builder extension(ServerExtension extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /**
         * Publishes skills (SEP-2640): registers the catalog's extension ({@code io.modelcontextprotocol/skills}),
         * every skill file as a {@code skill://} resource, and declares the {@code resources} capability (which the
         * extension requires) even when the catalog is empty.
         *
         * @param catalog the catalog
         * @return this builder
         */
        public Builder skills(SkillsCatalog catalog) {
            Objects.requireNonNull(catalog, "catalog");
            extension(catalog.extension());
            resources.addAll(catalog.resources());
            declared.add(ServerFeature.RESOURCES);
            return this;
        }

        private final List<AppView> appViews = new ArrayList<>();

        /**
         * Serves an MCP Apps view (SEP-1865) as a {@code ui://} resource, and with the first view registers the
         * {@code io.modelcontextprotocol/ui} extension, declared only to clients that declare it, and the fallback
         * for the others: tools only a view may call are hidden from them (see {@link AppView}). Tools show a view
         * through {@link AppView#toolMeta} or {@link McpTool#ui()}; {@link #build()} refuses a tool whose view URI
         * names no registered resource.
         *
         * @param view the view
         * @return this builder
         */
        public Builder appView(AppView view) {
            Objects.requireNonNull(view, "view");
            for (AppView v : appViews) {
                if (v.uri().equals(view.uri())) {
                    throw new IllegalArgumentException("a second app view at " + view.uri());
                }
            }
            if (appViews.isEmpty()) {
                extension(ServerExtension.builder(AppsProtocol.EXTENSION_ID)
                        .declaration(ExtensionDeclaration.WHEN_CLIENT_DECLARES)
                        .build());
            }
            appViews.add(view);
            resources.add(view.resource());
            declared.add(ServerFeature.RESOURCES);
            return this;
        }

        /** Checks every tool's view link and returns the tools only a view may call. */
        private Set<String> appOnlyTools(AnnotatedHandlers registered) {
            Set<String> uris = new HashSet<>();
            registered.resources().forEach(r -> uris.add(r.resource().uri()));
            Set<String> appOnly = new HashSet<>();
            for (ServerTool t : registered.tools()) {
                Optional<UiToolMeta> ui = AppsProtocol.toolMeta(t.tool());
                if (ui.isEmpty()) {
                    continue;
                }
                String uri = ui.get().resourceUri();
                if (uri != null && !uris.contains(uri)) {
                    throw new IllegalArgumentException("tool " + t.tool().name() + " shows the app view " + uri
                            + ", but no resource is registered at that URI (McpServer.Builder.appView)");
                }
                if (ui.get().appOnly()) {
                    appOnly.add(t.tool().name());
                }
            }
            return appOnly;
        }

        // ---- end of extensions ----

        // ---- scale-out (#18): shared session and task stores, server-wide fan-out ----
        private SessionStore sessionStore;
        private Duration sessionTtl = ScaleOut.DEFAULT_SESSION_TTL;
        private TaskStore taskStore;
        private dev.jmcp.core.bus.MessageBus messageBus;

        /**
         * Shares handshake-era sessions with the other instances of a scaled-out deployment: each session is saved
         * at {@code initialize} and on every change, and an instance that has never seen a session resumes it from
         * {@code store} without a new handshake. A stored session expires after {@code ttl} without use (default 30
         * minutes, the HTTP servlet's default idle timeout; keep them equal). Default: none (sessions live in this
         * instance only).
         *
         * @param store the shared session store
         * @param ttl how long an unused session is kept in the store
         * @return this builder
         */
        public Builder sessionStore(SessionStore store, Duration ttl) {
            this.sessionStore = Objects.requireNonNull(store, "store");
            this.sessionTtl = positive(ttl);
            return this;
        }

        /**
         * Shares tasks with the other instances: a task created here is polled, listed, fetched and cancelled on any
         * of them. Default: none (tasks live in this instance's memory).
         *
         * @param store the shared task store
         * @return this builder
         */
        public Builder taskStore(TaskStore store) {
            this.taskStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The bus that fans resource-updated and list-changed notifications, task cancellations and session changes
         * out to every instance (channel {@code mcp:server}). Default: {@link dev.jmcp.core.bus.LocalMessageBus}
         * (this instance only). Give the HTTP servlet the same bus.
         *
         * @param bus the bus that fans resource-updated and list-changed notifications, task cancellations and session
         *     changes out to every instance (channel {@code mcp:server})
         * @return this builder
         */
        public Builder messageBus(dev.jmcp.core.bus.MessageBus bus) {
            this.messageBus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        private Duration taskLease = ScaleOut.DEFAULT_TASK_LEASE;
        private TaskRecovery taskRecovery = TaskRecovery.FAIL;

        /**
         * What happens to a shared task whose instance stops while its handler runs. The running instance holds a
         * lease on the stored task, renewed every third of {@code lease} while the handler runs (one store call per
         * running task per period); once it has not been renewed for {@code lease}, the first instance that sees the
         * task claims it atomically and applies {@code recovery}. Defaults: {@link TaskRecovery#FAIL} and 15
         * seconds. Needs a {@link #taskStore}.
         *
         * @param recovery fail the task, or re-run it when its tool is idempotent
         * @param lease how long after its instance's last renewal a running task is taken over
         * @return this builder
         */
        public Builder taskRecovery(TaskRecovery recovery, Duration lease) {
            this.taskRecovery = Objects.requireNonNull(recovery, "recovery");
            this.taskLease = positive(lease);
            return this;
        }

        private ScaleOut scaleOut() {
            ScaleOut none = ScaleOut.none();
            return new ScaleOut(
                    sessionStore,
                    sessionTtl,
                    taskStore,
                    messageBus != null ? messageBus : none.bus(),
                    taskLease,
                    taskRecovery);
        }

        // ---- end of scale-out ----

        // ---- handler execution (issue #19) ----
        private HandlerExecution handlerExecution = HandlerExecution.AUTO;

        /**
         * Where the handlers of stateless requests run (see {@link HandlerExecution}); default {@link
         * HandlerExecution#AUTO}: inline on a virtual request thread, else on the {@link #executor}. {@link
         * HandlerExecution#INLINE} is the opt-in for JDK 17 containers (no hand-off per request; a blocking
         * handler holds a container thread). Requests on a session always run on the executor.
         *
         * @param execution where the handlers of stateless requests run (see {@link HandlerExecution}); default {@link
         *     HandlerExecution#AUTO}: inline on a virtual request thread, else on the {@link #executor}
         * @return this builder
         */
        public Builder handlerExecution(HandlerExecution execution) {
            this.handlerExecution = Objects.requireNonNull(execution, "execution");
            return this;
        }

        // ---- end of handler execution ----

        /**
         * Builds the server.
         *
         * @return the built MCP server
         */
        public McpServer build() {
            AnnotatedHandlers registered = withAnnotatedHandlers();
            Set<String> appOnly = appOnlyTools(registered);
            List<ServerInterceptor> interceptors = new ArrayList<>(this.interceptors);
            if (!appViews.isEmpty() || !appOnly.isEmpty()) {
                interceptors.add(0, new AppOnlyTools(appOnly));
            }
            Implementation info = Implementation.builder(name, version)
                    .title(title)
                    .description(description)
                    .icons(icons == null || icons.isEmpty() ? null : icons)
                    .websiteUrl(websiteUrl)
                    .build();
            ServerConfig config = new ServerConfig(
                    info,
                    instructions,
                    executor != null ? executor : HandlerExecutors.handlers(),
                    handlerTimeout,
                    clientRequestTimeout,
                    pageSize,
                    stateKeys(),
                    stateMaxAge,
                    taskTtl,
                    taskTimeout != null ? taskTimeout : taskTtl,
                    maxTasksPerOwner,
                    cacheTtlMs,
                    cacheScope,
                    256,
                    declared.contains(ServerFeature.TOOLS),
                    declared.contains(ServerFeature.RESOURCES),
                    declared.contains(ServerFeature.PROMPTS),
                    clientRequestMode == ClientRequestMode.TASKS,
                    interceptors,
                    engineLimits());
            ServerCore core = new ServerCore(config, extensions);
            core.scaleOut(scaleOut());
            core.statelessExecutor(StatelessExecutors.of(handlerExecution, config.handlerExecutor(), executor != null));
            rootsListeners.forEach(core::addRootsListChangedListener);
            registered.tools().forEach(core::addTool);
            registered.resources().forEach(r -> core.resources()
                    .put(r.resource().uri(), r));
            registered.resourceTemplates().forEach(t -> core.templates()
                    .put(t.template().uriTemplate(), t));
            registered.prompts().forEach(p -> core.prompts().put(p.prompt().name(), p));
            core.markStarted();
            return new McpServer(core);
        }

        private static Duration positive(Duration d) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration must be positive");
            }
            return d;
        }
    }
}
