package dev.jmcp.transport.http.servlet;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import dev.jmcp.transport.http.servlet.auth.AuthOutcome;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import dev.jmcp.transport.http.servlet.internal.Callers;
import dev.jmcp.transport.http.servlet.internal.EndpointConfig;
import dev.jmcp.transport.http.servlet.internal.LegacySseEndpoint;
import dev.jmcp.transport.http.servlet.internal.RequestGuard;
import dev.jmcp.transport.http.servlet.internal.SessionRefusal;
import dev.jmcp.transport.http.servlet.internal.SessionRegistry;
import dev.jmcp.transport.http.servlet.internal.StreamLimits;
import dev.jmcp.transport.http.servlet.internal.StreamSettings;
import dev.jmcp.transport.http.servlet.internal.StreamableEndpoint;
import dev.jmcp.transport.http.servlet.internal.admission.BodyDecoder;
import dev.jmcp.transport.http.servlet.internal.admission.Challenges;
import dev.jmcp.transport.http.servlet.internal.admission.PostAdmission;
import dev.jmcp.transport.http.servlet.internal.admission.Rejection;
import dev.jmcp.transport.http.servlet.internal.admission.ScopeCheck;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Streamable HTTP endpoint as a Jakarta Servlet 6 servlet: POST, GET and DELETE on one path, plus the
 * optional legacy HTTP+SSE endpoints. Mount it in any container with async support, mapped to the MCP path and,
 * when legacy SSE is on, also to {@link Builder#legacySsePath} and {@link Builder#legacyMessagesPath}.
 *
 * <p>Container threads never wait for handlers: a POST that carries requests goes async, and every write is
 * non-blocking through a bounded queue. Sessions have cryptographically random ids, expire when idle (or, when the
 * client never uses them after {@code initialize}, after a short initialization timeout) and are bounded in number,
 * overall ({@link Builder#maxSessions}, 503 beyond) and per caller ({@link Builder#maxSessionsPerPrincipal}, 429
 * beyond). Legacy HTTP+SSE connections count as sessions. After {@link #closeAll()} every request gets 503.
 *
 * <p>Authorization: with {@link Builder#authorization(ResourceServerAuth)} every request (POST, GET, DELETE and
 * the legacy endpoints) needs a valid bearer token: none, an invalid or an expired one gets 401 with a {@code
 * WWW-Authenticate} challenge naming the resource metadata, missing scopes get 403 {@code insufficient_scope}, a
 * malformed header gets 400. Serve the metadata itself with {@link ProtectedResourceMetadataServlet} ({@code
 * McpHttpServer} does). Alternatively an authentication filter in front of the servlet may store the caller as a
 * request attribute named {@link #AUTH_INFO_ATTRIBUTE}. Either way the caller reaches handlers through the {@code
 * InboundContext} ({@code RequestContext.authInfo()} in {@code McpServer} handlers), and a session (Streamable
 * HTTP or legacy) is bound to the principal that created it: another principal gets 403. The binding tells a
 * {@code sub} from an equal {@code client_id}; a token naming neither binds the session to that token; a session
 * opened without credentials serves only requests without credentials. The {@code Authorization} header itself is not
 * among the headers handlers see, and is never logged.
 */
public final class McpHttpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The request attribute an authentication filter stores the caller's {@link AuthInfo} under. */
    public static final String AUTH_INFO_ATTRIBUTE = Callers.AUTH_INFO_ATTRIBUTE;
    /** The session header. */
    public static final String SESSION_HEADER = McpHttpHeaders.SESSION_ID;
    /** The protocol version header. */
    public static final String VERSION_HEADER = McpHttpHeaders.PROTOCOL_VERSION;

    private final transient EndpointConfig config;
    private final transient RequestGuard guard;
    private final transient SessionRegistry registry;
    private final transient StreamableEndpoint streamable;
    private final transient LegacySseEndpoint legacy;

    private McpHttpServlet(ServerConnector connector, EndpointConfig config, MessageBus bus) {
        this.config = config;
        JsonRpcCodec codec = JsonRpcCodec.withLimits(config.codecLimits());
        StreamSettings settings = StreamSettings.of(
                codec,
                config.eventStore(),
                config.retryInterval().toMillis(),
                config.maxQueuedBytesPerStream(),
                config.maxStandaloneBacklog(),
                config.streamLimits());
        this.guard = new RequestGuard(config.dnsRebindingProtection(), config.allowedHosts(), config.allowedOrigins());
        this.registry = new SessionRegistry(config, connector, settings, bus);
        BodyDecoder decoder = new BodyDecoder(codec);
        this.streamable = new StreamableEndpoint(
                config, registry, codec, new PostAdmission(decoder, config.authorization(), config.scopePolicy()));
        this.legacy = config.legacySse() == null
                ? null
                : new LegacySseEndpoint(
                        config, registry, codec, decoder, new ScopeCheck(config.authorization(), config.scopePolicy()));
    }

    /**
     * A builder for a servlet serving {@code connector}'s sessions (an {@code McpServer}, for example).
     *
     * @param connector the server whose sessions it serves (an {@code McpServer})
     * @return a builder for a servlet serving {@code connector}'s sessions (an {@code McpServer}, for example)
     */
    public static Builder builder(ServerConnector connector) {
        return new Builder(connector);
    }

    /**
     * The extra paths the legacy HTTP+SSE endpoint needs mapped to this servlet; empty when it is off.
     *
     * @return the extra paths the legacy HTTP+SSE endpoint needs mapped to this servlet; empty when it is off
     */
    public List<String> legacySsePaths() {
        EndpointConfig.LegacyPaths paths = config.legacySse();
        return paths == null ? List.of() : List.of(paths.ssePath(), paths.messagesPath());
    }

    /**
     * The resource-server authorization protecting this endpoint, if any.
     *
     * @return the resource-server authorization protecting this endpoint, if any
     */
    public Optional<ResourceServerAuth> authorization() {
        return Optional.ofNullable(config.authorization());
    }

    /**
     * One line saying which Host and Origin values this servlet accepts (for start-up logs).
     *
     * @return one line saying which Host and Origin values this servlet accepts (for start-up logs)
     */
    public String hostPolicy() {
        return guard.describe();
    }

    /**
     * The number of live handshake-era sessions.
     *
     * @return the number of live handshake-era sessions
     */
    public int sessionCount() {
        return registry.sessionCount();
    }

    @Override
    public void init() {
        registry.ensureHousekeeping();
    }

    @Override
    public void destroy() {
        closeAll();
    }

    /**
     * The number of live legacy HTTP+SSE connections.
     *
     * @return the number of live legacy HTTP+SSE connections
     */
    public int legacySessionCount() {
        return registry.legacyCount();
    }

    /**
     * Closes every session and connection and stops the housekeeping thread, for good: every later request gets
     * 503 with a JSON-RPC error. Idempotent.
     */
    public void closeAll() {
        registry.closeAll();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (registry.isClosed()) {
            SessionRefusal.SHUT_DOWN.rejection(null).send(resp);
            return;
        }
        registry.ensureHousekeeping();
        String refused = guard.check(req);
        if (refused != null) {
            Rejection.of(403, null, ErrorCodes.INVALID_REQUEST, "Forbidden: " + refused)
                    .send(resp);
            return;
        }
        if (config.authorization() != null && !authenticate(req, resp)) {
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (legacy != null && legacy.serves(path)) {
            legacy.service(path, req, resp);
        } else {
            streamable.service(req, resp);
        }
    }

    /** Checks the bearer token; on success stores the caller, else answers the challenge. */
    private boolean authenticate(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AuthOutcome outcome = config.authorization().authenticate(req.getHeader("Authorization"));
        if (outcome instanceof AuthOutcome.Authenticated a) {
            Callers.authenticated(req, a.info());
            return true;
        }
        Challenges.rejection((AuthOutcome.Challenge) outcome, null).send(resp);
        return false;
    }

    /** Builds an {@link McpHttpServlet}. */
    public static final class Builder {
        private final ServerConnector connector;
        private boolean stateless;
        private EventStore eventStore = new InMemoryEventStore();
        private Duration retryInterval = Duration.ofSeconds(3);
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);
        private Duration keepAliveInterval = Duration.ofSeconds(15);
        private int maxSessions = 10_000;
        private int maxSessionsPerPrincipal = 100;
        private Duration sessionInitializationTimeout = Duration.ofSeconds(30);
        private CodecLimits codecLimits = CodecLimits.DEFAULTS;
        private long maxQueuedBytesPerStream = 8L * 1024 * 1024;
        private int maxStandaloneBacklog = 256;
        private DnsRebindingProtection dnsRebindingProtection = DnsRebindingProtection.ON;
        private Set<String> allowedHosts = Set.of();
        private Set<String> allowedOrigins = Set.of();
        private boolean legacySse;
        private String legacySsePath = "/sse";
        private String legacyMessagesPath = "/messages";
        private ResourceServerAuth authorization;
        private ScopePolicy scopePolicy;
        // stream limits (issue #14): see StreamLimits.DEFAULTS
        private long maxQueuedBytesTotal = StreamLimits.DEFAULTS.maxQueuedBytesTotal();
        private long maxStandaloneBacklogBytes = StreamLimits.DEFAULTS.maxStandaloneBacklogBytes();
        private Duration primingDelay = StreamLimits.DEFAULTS.primingDelay();
        private Duration bodyReadTimeout = StreamLimits.DEFAULTS.bodyReadTimeout();

        private Builder(ServerConnector connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
        }

        /**
         * Serves every POST as a stateless exchange: no sessions, no GET stream. Default false.
         *
         * @param stateless whether stateless
         * @return this builder
         */
        public Builder stateless(boolean stateless) {
            this.stateless = stateless;
            return this;
        }

        /**
         * Where SSE events are kept for resumption; default a bounded {@link InMemoryEventStore}.
         *
         * @param store where SSE events are kept for resumption; default a bounded {@link InMemoryEventStore}
         * @return this builder
         */
        public Builder eventStore(EventStore store) {
            this.eventStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The {@code retry} delay sent to clients; default 3 s.
         *
         * @param interval the {@code retry} delay sent to clients; default 3 s
         * @return this builder
         */
        public Builder retryInterval(Duration interval) {
            this.retryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * How long a session without connections and requests lives; default 30 min.
         *
         * @param timeout how long a session without connections and requests lives; default 30 min
         * @return this builder
         */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How often idle SSE connections get a keep-alive comment; default 15 s.
         *
         * @param interval how often idle SSE connections get a keep-alive comment; default 15 s
         * @return this builder
         */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * The most concurrent sessions and legacy connections, together; a new one beyond it gets 503 with a
         * JSON-RPC error. Default 10 000.
         *
         * @param max the most concurrent sessions and legacy connections, together; a new one beyond it gets 503 with a
         *     JSON-RPC error
         * @return this builder
         */
        public Builder maxSessions(int max) {
            this.maxSessions = positive(max, "max");
            return this;
        }

        /**
         * The most concurrent sessions and legacy connections of one caller: one authenticated principal, or one
         * client address ({@code getRemoteAddr()}) for requests without credentials. A new one beyond it gets 429
         * with a JSON-RPC error; the caller can end one with DELETE or wait for one to expire. Default 100. Behind a
         * reverse proxy every unauthenticated client has the proxy's address unless the container is told the
         * forwarded one (e.g. Jetty's {@code ForwardedRequestCustomizer}).
         *
         * @param max the most concurrent sessions and legacy connections of one caller: one authenticated principal, or
         *     one client address ({@code getRemoteAddr()}) for requests without credentials
         * @return this builder
         */
        public Builder maxSessionsPerPrincipal(int max) {
            this.maxSessionsPerPrincipal = positive(max, "max");
            return this;
        }

        /**
         * How long a new session waits for the client to use it (any request or GET naming it, normally {@code
         * notifications/initialized}) after {@code initialize}; then it expires (404 afterwards). Default 30 s, and never
         * longer than the {@link #sessionIdleTimeout}.
         *
         * @param timeout how long a new session waits for the client to use it (any request or GET naming it, normally
         *     {@code notifications/initialized}) after {@code initialize}; then it expires (404 afterwards)
         * @return this builder
         */
        public Builder sessionInitializationTimeout(Duration timeout) {
            this.sessionInitializationTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        /**
         * Limits on inbound messages; the message size is also the request body limit (413 beyond).
         *
         * @param limits limits on inbound messages; the message size is also the request body limit (413 beyond)
         * @return this builder
         */
        public Builder codecLimits(CodecLimits limits) {
            this.codecLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The request body limit in bytes (413 beyond); default 4 MiB.
         *
         * @param bytes the request body limit in bytes (413 beyond); default 4 MiB
         * @return this builder
         */
        public Builder maxRequestBytes(int bytes) {
            this.codecLimits = new CodecLimits(bytes, codecLimits.maxNestingDepth());
            return this;
        }

        /**
         * The most bytes queued for one slow connection before it is closed (it can resume); default 8 MiB.
         *
         * @param bytes the most bytes queued for one slow connection before it is closed (it can resume); default 8 MiB
         * @return this builder
         */
        public Builder maxQueuedBytesPerStream(long bytes) {
            this.maxQueuedBytesPerStream = bytes;
            return this;
        }

        /**
         * Messages kept for the standalone stream while no GET is connected; default 256.
         *
         * @param messages the most messages kept for the standalone stream while no GET is connected
         * @return this builder
         */
        public Builder maxStandaloneBacklog(int messages) {
            this.maxStandaloneBacklog = messages;
            return this;
        }

        /**
         * Whether to validate the Host header (on every bind); default {@link DnsRebindingProtection#ON}.
         *
         * @param mode whether to validate the Host header (on every bind); default {@link DnsRebindingProtection#ON}
         * @return this builder
         */
        public Builder dnsRebindingProtection(DnsRebindingProtection mode) {
            this.dnsRebindingProtection = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Host header values accepted ({@code name} or {@code name:port}); empty (the default) means localhost, the
         * loopback addresses and this machine's own addresses.
         *
         * @param hosts {@code Host} header values accepted ({@code name} or {@code name:port}); empty (the default) means
         *     localhost, the loopback addresses and this machine's own addresses
         * @return this builder
         */
        public Builder allowedHosts(Collection<String> hosts) {
            this.allowedHosts = Set.copyOf(hosts);
            return this;
        }

        /**
         * Origins ({@code scheme://host[:port]}, or {@code null}) accepted besides same-origin ones.
         *
         * @param origins origins ({@code scheme://host[:port]}, or {@code null}) accepted besides same-origin ones
         * @return this builder
         */
        public Builder allowedOrigins(Collection<String> origins) {
            this.allowedOrigins = Set.copyOf(origins);
            return this;
        }

        /**
         * Also serves the legacy HTTP+SSE transport (2024-11-05); default false.
         *
         * @param enabled whether to also serve the legacy HTTP+SSE transport (2024-11-05); default false
         * @return this builder
         */
        public Builder legacySse(boolean enabled) {
            this.legacySse = enabled;
            return this;
        }

        /**
         * The legacy SSE path, relative to the context; default {@code /sse}.
         *
         * @param path the legacy SSE path, relative to the context; default {@code /sse}
         * @return this builder
         */
        public Builder legacySsePath(String path) {
            this.legacySsePath = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * The legacy message path, relative to the context; default {@code /messages}.
         *
         * @param path the legacy message path, relative to the context; default {@code /messages}
         * @return this builder
         */
        public Builder legacyMessagesPath(String path) {
            this.legacyMessagesPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Protects the endpoint as an OAuth 2.1 resource server: every request needs a bearer token that {@code
         * auth} accepts (401, 403 or 400 with a {@code WWW-Authenticate} challenge otherwise), and handlers see the
         * caller as {@code AuthInfo}. Serve {@code auth}'s metadata with {@link ProtectedResourceMetadataServlet}.
         *
         * @param auth the resource-server configuration: token validation, required scopes, metadata
         * @return this builder
         */
        public Builder authorization(ResourceServerAuth auth) {
            this.authorization = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * Scopes individual requests need beyond the {@link #authorization} required scopes, e.g. per tool (403
         * {@code insufficient_scope} when missing, so clients step up). Only used with {@link #authorization}.
         *
         * @param policy scopes individual requests need beyond the {@link #authorization} required scopes, e.g. per
         *     tool (403 {@code insufficient_scope} when missing, so clients step up)
         * @return this builder
         */
        public Builder scopePolicy(ScopePolicy policy) {
            this.scopePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The most bytes queued for all slow connections of this servlet together; the slow connection whose write
         * would cross it is closed with a logged reason (its client can resume from its last event). Default 64
         * MiB.
         *
         * @param bytes the most bytes queued for all slow connections of this servlet together; the slow connection
         *     whose write would cross it is closed with a logged reason (its client can resume from its last event)
         * @return this builder
         */
        public Builder maxQueuedBytesTotal(long bytes) {
            this.maxQueuedBytesTotal = bytes;
            return this;
        }

        /**
         * Bytes kept for the standalone stream while no GET is connected; beyond it (or beyond {@link
         * #maxStandaloneBacklog}) the oldest are dropped and the next GET first gets a {@code notifications/message}
         * warning with the count. Default 1 MiB.
         *
         * @param bytes bytes kept for the standalone stream while no GET is connected; beyond it (or beyond {@link
         *     #maxStandaloneBacklog}) the oldest are dropped and the next GET first gets a {@code
         *     notifications/message} warning with the count
         * @return this builder
         */
        public Builder maxStandaloneBacklogBytes(long bytes) {
            this.maxStandaloneBacklogBytes = bytes;
            return this;
        }

        /**
         * With an event store, how long a request stream may wait to answer with plain JSON before it switches to
         * SSE and sends a priming event (an event id the client can resume from); zero primes every stream at once.
         * Checked by the housekeeping tick (at most 1 s apart). Default 1 s.
         *
         * @param delay with an event store, how long a request stream may wait to answer with plain JSON before it
         *     switches to SSE and sends a priming event (an event id the client can resume from); zero primes every
         *     stream at once
         * @return this builder
         */
        public Builder primingDelay(Duration delay) {
            this.primingDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * How long a POST body may take to arrive in full; beyond it the POST gets 408. Bodies are read with
         * non-blocking servlet I/O, so a slow body holds no container thread. Default 30 s.
         *
         * @param timeout how long a POST body may take to arrive in full; beyond it the POST gets 408
         * @return this builder
         */
        public Builder bodyReadTimeout(Duration timeout) {
            this.bodyReadTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        // ---- scale-out (#18) ----
        private MessageBus messageBus = LocalMessageBus.local();

        /**
         * The bus that carries session-level deliveries between the instances of a scaled-out deployment: an SSE
         * event for a stream whose connection lives on another instance (channel {@code mcp:stream:<session>:<stream>})
         * and the answer to a server-to-client request that the client posted to another instance than the one
         * waiting for it (channel {@code mcp:instance:<id>}); a DELETE is told to every instance ({@code
         * mcp:sessions}). Use the server's session store and the same bus on the server, and a shared {@link
         * #eventStore event store}. Default: {@link LocalMessageBus#local()} (one instance: nothing crosses, nothing
         * costs).
         *
         * @param bus the bus that carries session-level deliveries between the instances of a scaled-out deployment: an
         *     SSE event for a stream whose connection lives on another instance (channel {@code
         *     mcp:stream:<session>:<stream>}) and the answer to a server-to-client request that the client posted to
         *     another instance than the one waiting for it (channel {@code mcp:instance:<id>}); a DELETE is told to
         *     every instance ({@code mcp:sessions})
         * @return this builder
         */
        public Builder messageBus(MessageBus bus) {
            this.messageBus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        // ---- end of scale-out ----

        /**
         * Builds the servlet.
         *
         * @return the built MCP HTTP servlet
         */
        public McpHttpServlet build() {
            return new McpHttpServlet(connector, config(), messageBus);
        }

        private EndpointConfig config() {
            return new EndpointConfig(
                    stateless ? EndpointConfig.SessionMode.STATELESS : EndpointConfig.SessionMode.SESSIONS,
                    eventStore,
                    retryInterval,
                    sessionIdleTimeout,
                    keepAliveInterval,
                    maxSessions,
                    maxSessionsPerPrincipal,
                    sessionInitializationTimeout,
                    codecLimits,
                    maxQueuedBytesPerStream,
                    maxStandaloneBacklog,
                    dnsRebindingProtection,
                    allowedHosts,
                    allowedOrigins,
                    legacySse ? new EndpointConfig.LegacyPaths(legacySsePath, legacyMessagesPath) : null,
                    authorization,
                    scopePolicy,
                    new StreamLimits(maxQueuedBytesTotal, maxStandaloneBacklogBytes, primingDelay, bodyReadTimeout));
        }
    }
}
