package dev.jmcp.server;

import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.server.internal.ConnectionMode;
import dev.jmcp.server.internal.ServerConfig;
import dev.jmcp.server.internal.ServerCore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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

    /** A new builder. */
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

    /** Adds (or replaces) a tool at run time; clients that asked are told the list changed. */
    public void addTool(ServerTool tool) {
        core.addTool(tool);
    }

    /** Adds (or replaces) a tool at run time. */
    public void addTool(Tool tool, ToolHandler handler) {
        addTool(new ServerTool(tool, handler));
    }

    /** Removes a tool; returns whether it was registered. */
    public boolean removeTool(String name) {
        return core.tools().remove(name);
    }

    /** Adds (or replaces) a static resource at run time. */
    public void addResource(ServerResource resource) {
        core.resources().put(resource.resource().uri(), resource);
    }

    /** Removes a static resource; returns whether it was registered. */
    public boolean removeResource(String uri) {
        return core.resources().remove(uri);
    }

    /** Adds (or replaces) a resource template at run time. */
    public void addResourceTemplate(ServerResourceTemplate template) {
        core.templates().put(template.template().uriTemplate(), template);
    }

    /** Removes a resource template; returns whether it was registered. */
    public boolean removeResourceTemplate(String uriTemplate) {
        return core.templates().remove(uriTemplate);
    }

    /** Adds (or replaces) a prompt at run time. */
    public void addPrompt(ServerPrompt prompt) {
        core.prompts().put(prompt.prompt().name(), prompt);
    }

    /** Removes a prompt; returns whether it was registered. */
    public boolean removePrompt(String name) {
        return core.prompts().remove(name);
    }

    /**
     * Sends {@code notifications/resources/updated} for {@code uri} to the clients subscribed to it (handshake
     * {@code resources/subscribe} or 2026-07-28 {@code subscriptions/listen}).
     */
    public void notifyResourceUpdated(String uri) {
        core.resourceUpdated(Objects.requireNonNull(uri, "uri"));
    }

    /** The sessions being served. */
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
        private byte[] stateSecret;
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

        private Builder() {}

        /** The server's programmatic name ({@code serverInfo.name}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The server's version ({@code serverInfo.version}). */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** A display name ({@code serverInfo.title}). */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** A description ({@code serverInfo.description}, 2025-11-25). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The project's website ({@code serverInfo.websiteUrl}, 2025-11-25). */
        public Builder websiteUrl(String websiteUrl) {
            this.websiteUrl = websiteUrl;
            return this;
        }

        /** Icons of the server ({@code serverInfo.icons}, 2025-11-25). */
        public Builder icons(List<Icon> icons) {
            this.icons = icons == null ? null : List.copyOf(icons);
            return this;
        }

        /** Instructions for the model, sent on initialize and discover. */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /** Where handlers run; default a virtual thread per request on 21+, a bounded pool on 17. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** How long a handler may run before it is cancelled and the request fails; default 10 min. */
        public Builder handlerTimeout(Duration timeout) {
            this.handlerTimeout = positive(timeout);
            return this;
        }

        /** How long an elicitation, sampling or roots request to the client may wait; default 5 min. */
        public Builder clientRequestTimeout(Duration timeout) {
            this.clientRequestTimeout = positive(timeout);
            return this;
        }

        /** Items per page of every list; default 100. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be positive");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * The HMAC-SHA256 key that protects 2026-07-28 {@code requestState} (at least 32 bytes). Share it between
         * instances behind one load balancer; default a random key per server.
         */
        public Builder requestStateSecret(byte[] secret) {
            if (secret == null || secret.length < 32) {
                throw new IllegalArgumentException("the secret must have at least 32 bytes");
            }
            this.stateSecret = secret.clone();
            return this;
        }

        /** Default and maximum time-to-live of a task (SEP-1686); default 1 h. */
        public Builder taskTtl(Duration ttl) {
            this.taskTtl = positive(ttl);
            return this;
        }

        /** The 2026-07-28 caching hints on lists and reads: {@code ttlMs} and {@code cacheScope}. */
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
         * @throws IllegalArgumentException when the name is empty or a schema is invalid
         */
        public Builder tool(Tool tool, ToolHandler handler) {
            return tool(new ServerTool(tool, handler));
        }

        /** Registers a tool (for example a typed tool). */
        public Builder tool(ServerTool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /** Registers a static resource. */
        public Builder resource(Resource resource, ResourceHandler handler) {
            resources.add(new ServerResource(resource, handler));
            return this;
        }

        /** Registers a resource template (RFC 6570) and the handler of the URIs it matches. */
        public Builder resourceTemplate(ResourceTemplate template, ResourceHandler handler) {
            return resourceTemplate(new ServerResourceTemplate(template, handler));
        }

        /** Registers a resource template with completion for its variables. */
        public Builder resourceTemplate(ServerResourceTemplate template) {
            templates.add(Objects.requireNonNull(template, "template"));
            return this;
        }

        /** Registers a prompt. */
        public Builder prompt(Prompt prompt, PromptHandler handler) {
            return prompt(new ServerPrompt(prompt, handler));
        }

        /** Registers a prompt with completion for its arguments. */
        public Builder prompt(ServerPrompt prompt) {
            prompts.add(Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        /**
         * Declares the capabilities of {@code features} even when nothing of that kind is registered yet (for
         * servers that add them at run time), e.g. {@code declareCapabilities(ServerFeature.TOOLS)}.
         */
        public Builder declareCapabilities(ServerFeature... features) {
            declared.clear();
            declared.addAll(List.of(features));
            return this;
        }

        /**
         * How elicitation and sampling requests are sent to handshake-era clients; default {@link
         * ClientRequestMode#PLAIN}.
         */
        public Builder clientRequestMode(ClientRequestMode mode) {
            this.clientRequestMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Adds an interceptor around every request. Interceptors run in registration order, the first registered
         * outermost.
         */
        public Builder interceptor(ServerInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        // -- protocol hooks (#13) --
        private final List<Consumer<ServerSession>> rootsListeners = new ArrayList<>();

        /**
         * Calls {@code listener} with the session whenever its client sends {@code
         * notifications/roots/list_changed} (a client that declared {@code roots.listChanged}); ask for the new
         * roots in the next request's handler with {@link RequestContext#roots()}. Runs on the session's delivery
         * thread: keep it short.
         */
        public Builder onRootsListChanged(Consumer<ServerSession> listener) {
            rootsListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Builds the server. */
        public McpServer build() {
            Implementation info = Implementation.builder(name, version)
                    .title(title)
                    .description(description)
                    .icons(icons == null || icons.isEmpty() ? null : icons)
                    .websiteUrl(websiteUrl)
                    .build();
            byte[] secret = stateSecret;
            if (secret == null) {
                secret = new byte[32];
                new SecureRandom().nextBytes(secret);
            }
            ServerConfig config = new ServerConfig(
                    info,
                    instructions,
                    executor != null ? executor : HandlerExecutors.handlers(),
                    handlerTimeout,
                    clientRequestTimeout,
                    pageSize,
                    secret,
                    taskTtl,
                    cacheTtlMs,
                    cacheScope,
                    256,
                    declared.contains(ServerFeature.TOOLS),
                    declared.contains(ServerFeature.RESOURCES),
                    declared.contains(ServerFeature.PROMPTS),
                    clientRequestMode == ClientRequestMode.TASKS,
                    interceptors);
            ServerCore core = new ServerCore(config);
            rootsListeners.forEach(core::addRootsListChangedListener);
            tools.forEach(core::addTool);
            resources.forEach(r -> core.resources().put(r.resource().uri(), r));
            templates.forEach(t -> core.templates().put(t.template().uriTemplate(), t));
            prompts.forEach(p -> core.prompts().put(p.prompt().name(), p));
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
