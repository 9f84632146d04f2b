package dev.jmcp.transport.http.servlet;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.ServerConnector;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import dev.jmcp.transport.http.common.internal.MediaTypes;
import dev.jmcp.transport.http.common.internal.MessageFields;
import dev.jmcp.transport.http.servlet.auth.AuthOutcome;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import dev.jmcp.transport.http.servlet.internal.AsyncWriter;
import dev.jmcp.transport.http.servlet.internal.Http;
import dev.jmcp.transport.http.servlet.internal.LegacySseTransport;
import dev.jmcp.transport.http.servlet.internal.RequestGuard;
import dev.jmcp.transport.http.servlet.internal.ServerTransport;
import dev.jmcp.transport.http.servlet.internal.StandardHeaders;
import dev.jmcp.transport.http.servlet.internal.StreamSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP endpoint as a Jakarta Servlet 6 servlet: POST, GET and DELETE on one path, plus the
 * optional legacy HTTP+SSE endpoints. Mount it in any container with async support, mapped to the MCP path and,
 * when legacy SSE is on, also to {@link Builder#legacySsePath} and {@link Builder#legacyMessagesPath}.
 *
 * <p>Container threads never wait for handlers: a POST that carries requests goes async, and every write is
 * non-blocking through a bounded queue. Sessions have cryptographically random ids, expire when idle and are
 * bounded in number.
 *
 * <p>Authorization: with {@link Builder#authorization(ResourceServerAuth)} every request (POST, GET, DELETE and
 * the legacy endpoints) needs a valid bearer token: none, an invalid or an expired one gets 401 with a {@code
 * WWW-Authenticate} challenge naming the resource metadata, missing scopes get 403 {@code insufficient_scope}, a
 * malformed header gets 400. Serve the metadata itself with {@link ProtectedResourceMetadataServlet} ({@link
 * McpHttpServer} does). Alternatively an authentication filter in front of the servlet may store the caller as a
 * request attribute named {@link #AUTH_INFO_ATTRIBUTE}. Either way the caller reaches handlers through the {@code
 * InboundContext} ({@code RequestContext.authInfo()} in {@code McpServer} handlers), and a session is bound to
 * the principal that created it: another principal gets 403. The {@code Authorization} header itself is not
 * among the headers handlers see, and is never logged.
 */
public final class McpHttpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(McpHttpServlet.class);

    /** The request attribute an authentication filter stores the caller's {@link AuthInfo} under. */
    public static final String AUTH_INFO_ATTRIBUTE = AuthInfo.class.getName();
    /** The session header. */
    public static final String SESSION_HEADER = McpHttpHeaders.SESSION_ID;
    /** The protocol version header. */
    public static final String VERSION_HEADER = McpHttpHeaders.PROTOCOL_VERSION;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_INFO_ATTRIBUTE = McpHttpServlet.class.getName() + ".token";

    private final transient Builder config;
    private final transient ServerConnector connector;
    private final transient StreamSettings settings;
    private final transient JsonRpcCodec codec;
    private final transient RequestGuard guard;
    private final transient Map<String, ServerTransport> sessions = new ConcurrentHashMap<>();
    private final transient Map<String, LegacySseTransport> legacy = new ConcurrentHashMap<>();
    private transient volatile ScheduledExecutorService scheduler;

    private McpHttpServlet(Builder b) {
        this.config = b;
        this.connector = b.connector;
        this.codec = JsonRpcCodec.withLimits(b.codecLimits);
        this.settings = new StreamSettings(
                codec, b.eventStore, b.retryInterval.toMillis(), b.maxQueuedBytesPerStream, b.maxStandaloneBacklog);
        this.guard =
                new RequestGuard(b.dnsRebindingProtection, Set.copyOf(b.allowedHosts), Set.copyOf(b.allowedOrigins));
    }

    /** A builder for a servlet serving {@code connector}'s sessions (an {@code McpServer}, for example). */
    public static Builder builder(ServerConnector connector) {
        return new Builder(connector);
    }

    /** The extra paths the legacy HTTP+SSE endpoint needs mapped to this servlet; empty when it is off. */
    public List<String> legacySsePaths() {
        return config.legacySseEnabled()
                ? List.of(config.legacySsePathValue(), config.legacyMessagesPathValue())
                : List.of();
    }

    /** The resource-server authorization protecting this endpoint, if any. */
    public Optional<ResourceServerAuth> authorization() {
        return Optional.ofNullable(config.authorizationValue());
    }

    /** The number of live handshake-era sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void init() {
        ensureScheduler();
    }

    @Override
    public void destroy() {
        closeAll();
    }

    /** Closes every session and stops the housekeeping thread. Idempotent. */
    public void closeAll() {
        for (ServerTransport t : List.copyOf(sessions.values())) {
            t.close();
        }
        for (LegacySseTransport t : List.copyOf(legacy.values())) {
            t.close();
        }
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
        }
    }

    private synchronized void ensureScheduler() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jmcp-http-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(20, Math.min(config.keepAliveInterval.toMillis(), 1000));
        s.scheduleWithFixedDelay(this::housekeeping, tick, tick, TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    private void housekeeping() {
        try {
            long now = System.nanoTime();
            long idle = config.sessionIdleTimeout.toNanos();
            long keepAlive = config.keepAliveInterval.toNanos();
            for (ServerTransport t : List.copyOf(sessions.values())) {
                if (t.isIdle() && now - t.lastActivityNanos() > idle) {
                    LOG.debug("session {} expired", t.sessionId());
                    t.close();
                } else {
                    t.keepAlive(keepAlive);
                }
            }
            for (ServerTransport t : List.copyOf(exchanges.keySet())) {
                t.keepAlive(keepAlive);
            }
            for (LegacySseTransport t : List.copyOf(legacy.values())) {
                t.keepAlive();
            }
        } catch (RuntimeException e) {
            LOG.warn("HTTP housekeeping failed", e);
        }
    }

    private final transient Map<ServerTransport, Boolean> exchanges = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- dispatch

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ensureScheduler();
        String refused = guard.check(req);
        if (refused != null) {
            Http.error(resp, 403, null, ErrorCodes.INVALID_REQUEST, "Forbidden: " + refused);
            return;
        }
        if (config.authorization != null && !authenticate(req, resp)) {
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (config.legacySse && path.equals(config.legacySsePath)) {
            if ("GET".equals(req.getMethod())) {
                legacyGet(req, resp);
            } else {
                methodNotAllowed(resp, "GET");
            }
            return;
        }
        if (config.legacySse && path.equals(config.legacyMessagesPath)) {
            if ("POST".equals(req.getMethod())) {
                legacyPost(req, resp);
            } else {
                methodNotAllowed(resp, "POST");
            }
            return;
        }
        String versionHeader = req.getHeader(VERSION_HEADER);
        // a POST is checked after its body is read: a 2026-07-28 request naming the same unknown version in its
        // _meta gets UnsupportedProtocolVersion (-32022) with the supported versions from the server instead
        if (!"POST".equals(req.getMethod())
                && versionHeader != null
                && ProtocolVersion.parse(versionHeader.trim()).isEmpty()) {
            Http.error(
                    resp,
                    400,
                    null,
                    ErrorCodes.INVALID_REQUEST,
                    "Bad Request: unsupported " + VERSION_HEADER + " " + versionHeader + " (supported: "
                            + ProtocolVersion.allIds() + ")");
            return;
        }
        switch (req.getMethod()) {
            case "POST" -> post(req, resp);
            case "GET" -> get(req, resp);
            case "DELETE" -> delete(req, resp);
            default -> methodNotAllowed(resp, config.stateless ? "POST" : "GET, POST, DELETE");
        }
    }

    private static void methodNotAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        Http.error(resp, 405, null, ErrorCodes.INVALID_REQUEST, "Method not allowed");
    }

    // ---------------------------------------------------------------- POST

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        if (!MediaTypes.accepts(accept, "application/json") || !MediaTypes.accepts(accept, "text/event-stream")) {
            Http.error(
                    resp,
                    406,
                    null,
                    ErrorCodes.INVALID_REQUEST,
                    "Not Acceptable: Accept must list application/json and text/event-stream");
            return;
        }
        if (!MediaTypes.isJson(req.getContentType())) {
            Http.error(resp, 415, null, ErrorCodes.INVALID_REQUEST, "Unsupported Media Type: use application/json");
            return;
        }
        byte[] body = Http.readBody(req, codec.limits().maxMessageBytes());
        if (body == null) {
            Http.error(resp, 413, null, ErrorCodes.INVALID_REQUEST, "Payload Too Large");
            return;
        }
        List<JsonRpcMessage> messages;
        try {
            messages = codec.decodeAll(body);
        } catch (JsonRpcCodecException e) {
            Http.errorBody(resp, 400, e.toErrorResponse());
            return;
        }
        boolean batch = JsonRpcCodec.looksLikeBatch(body);
        JsonRpcMessage first = messages.get(0);
        RequestId firstId = first instanceof JsonRpcRequest r ? r.id() : null;
        if (!scopesSuffice(req, resp, messages, firstId)) {
            return;
        }
        // 2026-07-28: _meta and headers
        String headerVersion = req.getHeader(VERSION_HEADER);
        String metaVersion = batch ? null : MessageFields.metaProtocolVersion(first);
        if (headerVersion != null
                && metaVersion == null
                && ProtocolVersion.parse(headerVersion.trim()).isEmpty()) {
            Http.error(
                    resp,
                    400,
                    null,
                    ErrorCodes.INVALID_REQUEST,
                    "Bad Request: unsupported " + VERSION_HEADER + " " + headerVersion + " (supported: "
                            + ProtocolVersion.allIds() + ")");
            return;
        }
        if (metaVersion != null && headerVersion != null && !metaVersion.equals(headerVersion.trim())) {
            Http.error(
                    resp,
                    400,
                    firstId,
                    ErrorCodes.HEADER_MISMATCH,
                    "Header mismatch: " + VERSION_HEADER + " " + headerVersion + " but _meta says " + metaVersion);
            return;
        }
        boolean statelessEra = metaVersion != null
                || (headerVersion != null
                        && ProtocolVersion.parse(headerVersion.trim())
                                .map(ProtocolVersion::isStateless)
                                .orElse(false));
        String mismatch = batch ? null : StandardHeaders.mismatch(req, first, statelessEra);
        if (mismatch != null) {
            Http.error(resp, 400, firstId, ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + mismatch);
            return;
        }
        String envelope = statelessEra && !batch ? StandardHeaders.envelopeProblem(first) : null;
        if (envelope != null) {
            // the envelope rung: a 2026-07-28 request without the required _meta never reaches the server
            Http.error(resp, 400, firstId, ErrorCodes.INVALID_PARAMS, "Invalid params: " + envelope);
            return;
        }
        boolean hasRequests = messages.stream().anyMatch(m -> m instanceof JsonRpcRequest);
        InboundContext context = Http.inboundContext(req, AUTH_INFO_ATTRIBUTE);
        String sessionId = req.getHeader(SESSION_HEADER);

        if (config.stateless || (sessionId == null && statelessEra)) {
            postStateless(req, resp, messages, context, hasRequests, batch, statelessEra);
            return;
        }
        ServerTransport session;
        if (sessionId == null) {
            boolean initialize =
                    messages.stream().anyMatch(m -> m instanceof JsonRpcRequest r && "initialize".equals(r.method()));
            if (!initialize) {
                Http.error(
                        resp,
                        400,
                        firstId,
                        ErrorCodes.INVALID_REQUEST,
                        "Bad Request: " + SESSION_HEADER + " header is required");
                return;
            }
            if (batch) {
                Http.error(resp, 400, null, ErrorCodes.INVALID_REQUEST, "initialize must not be part of a batch");
                return;
            }
            session = newSession(context);
            if (session == null) {
                Http.error(resp, 503, firstId, ErrorCodes.INTERNAL_ERROR, "Too many sessions");
                return;
            }
            resp.setHeader(SESSION_HEADER, session.sessionId());
        } else {
            session = sessions.get(sessionId);
            if (session == null || session.isClosed()) {
                Http.error(resp, 404, firstId, -32001, "Session not found");
                return;
            }
            if (!samePrincipal(session, context)) {
                Http.error(
                        resp, 403, firstId, ErrorCodes.INVALID_REQUEST, "Forbidden: session belongs to another caller");
                return;
            }
            resp.setHeader(SESSION_HEADER, sessionId);
            ProtocolVersion negotiated = session.protocolVersion();
            if (batch && negotiated != null && !negotiated.allowsBatches()) {
                Http.error(
                        resp,
                        400,
                        null,
                        ErrorCodes.INVALID_REQUEST,
                        "batches are not allowed in protocol version " + negotiated);
                return;
            }
        }
        if (!hasRequests) {
            session.acceptPost(messages, context, null, false, false);
            resp.setStatus(202);
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, config.maxQueuedBytesPerStream);
        session.acceptPost(messages, context, writer, !batch, statelessEra);
    }

    private void postStateless(
            HttpServletRequest req,
            HttpServletResponse resp,
            List<JsonRpcMessage> messages,
            InboundContext context,
            boolean hasRequests,
            boolean batch,
            boolean statelessEra)
            throws IOException {
        ServerTransport exchange = ServerTransport.forExchange(settings);
        AutoCloseable handle;
        try {
            handle = connector.connectStateless(exchange);
        } catch (RuntimeException e) {
            LOG.warn("connectStateless failed", e);
            Http.error(resp, 500, null, ErrorCodes.INTERNAL_ERROR, "cannot serve the request");
            return;
        }
        exchanges.put(exchange, Boolean.TRUE);
        exchange.onClosed(() -> {
            exchanges.remove(exchange);
            closeQuietly(handle);
        });
        if (!hasRequests) {
            exchange.acceptPost(messages, context, null, false, false);
            resp.setStatus(202);
            exchange.close();
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, config.maxQueuedBytesPerStream);
        exchange.acceptPost(messages, context, writer, !batch, statelessEra);
    }

    private ServerTransport newSession(InboundContext context) {
        if (sessions.size() >= config.maxSessions) {
            housekeeping();
            if (sessions.size() >= config.maxSessions) {
                return null;
            }
        }
        String id = newId();
        String principal = context.authInfo().map(AuthInfo::principal).orElse(null);
        ServerTransport transport = ServerTransport.forSession(id, settings, principal);
        sessions.put(id, transport);
        try {
            AutoCloseable handle = connector.connect(transport);
            transport.onClosed(() -> {
                sessions.remove(id, transport);
                closeQuietly(handle);
            });
        } catch (RuntimeException e) {
            sessions.remove(id);
            throw e;
        }
        return transport;
    }

    private static boolean samePrincipal(ServerTransport session, InboundContext context) {
        String owner = session.principal();
        return owner == null
                || owner.equals(context.authInfo().map(AuthInfo::principal).orElse(null));
    }

    // ---------------------------------------------------------------- GET and DELETE

    private void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!MediaTypes.accepts(req.getHeader("Accept"), "text/event-stream")) {
            Http.error(resp, 406, null, ErrorCodes.INVALID_REQUEST, "Not Acceptable: GET needs text/event-stream");
            return;
        }
        if (config.stateless) {
            methodNotAllowed(resp, "POST");
            return;
        }
        ServerTransport session = sessionOf(req, resp);
        if (session == null) {
            return;
        }
        String lastEventId = req.getHeader("Last-Event-ID");
        if (lastEventId != null) {
            String streamId = EventStore.streamIdOf(lastEventId);
            if (streamId == null) {
                Http.error(resp, 400, null, ErrorCodes.INVALID_REQUEST, "Bad Request: unknown Last-Event-ID");
                return;
            }
            AsyncWriter writer = AsyncWriter.start(req, resp, config.maxQueuedBytesPerStream);
            writer.header(SESSION_HEADER, session.sessionId());
            if (!session.resume(lastEventId, writer)) {
                writer.begin(400, "application/json");
                writer.write(codec.encode(new dev.jmcp.core.jsonrpc.JsonRpcErrorResponse(
                        null,
                        dev.jmcp.core.jsonrpc.JsonRpcError.of(
                                ErrorCodes.INVALID_REQUEST, "Bad Request: unknown Last-Event-ID"))));
                writer.complete();
            }
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, config.maxQueuedBytesPerStream);
        writer.header(SESSION_HEADER, session.sessionId());
        session.attachStandalone(writer);
    }

    private void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (config.stateless) {
            methodNotAllowed(resp, "POST");
            return;
        }
        ServerTransport session = sessionOf(req, resp);
        if (session == null) {
            return;
        }
        session.close();
        resp.setStatus(200);
    }

    private ServerTransport sessionOf(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sessionId = req.getHeader(SESSION_HEADER);
        if (sessionId == null) {
            String v = req.getHeader(VERSION_HEADER);
            if (v != null
                    && ProtocolVersion.parse(v.trim())
                            .map(ProtocolVersion::isStateless)
                            .orElse(false)) {
                methodNotAllowed(resp, "POST");
            } else {
                Http.error(
                        resp,
                        400,
                        null,
                        ErrorCodes.INVALID_REQUEST,
                        "Bad Request: " + SESSION_HEADER + " header is required");
            }
            return null;
        }
        ServerTransport session = sessions.get(sessionId);
        if (session == null || session.isClosed()) {
            Http.error(resp, 404, null, -32001, "Session not found");
            return null;
        }
        if (!samePrincipal(session, Http.inboundContext(req, AUTH_INFO_ATTRIBUTE))) {
            Http.error(resp, 403, null, ErrorCodes.INVALID_REQUEST, "Forbidden: session belongs to another caller");
            return null;
        }
        return session;
    }

    // ---------------------------------------------------------------- legacy HTTP+SSE

    private void legacyGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (legacy.size() >= config.maxSessions) {
            Http.error(resp, 503, null, ErrorCodes.INTERNAL_ERROR, "Too many sessions");
            return;
        }
        String id = newId();
        AsyncWriter writer = AsyncWriter.start(req, resp, config.maxQueuedBytesPerStream);
        String endpoint = req.getContextPath() + config.legacyMessagesPath + "?sessionId=" + id;
        LegacySseTransport transport = new LegacySseTransport(id, writer, codec, endpoint);
        legacy.put(id, transport);
        try {
            AutoCloseable handle = connector.connect(transport);
            transport.onClosed(() -> {
                legacy.remove(id);
                closeQuietly(handle);
            });
        } catch (RuntimeException e) {
            legacy.remove(id);
            transport.close();
            throw e;
        }
    }

    private void legacyPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("sessionId");
        LegacySseTransport transport = id == null ? null : legacy.get(id);
        if (transport == null) {
            Http.error(resp, 404, null, -32001, "Session not found");
            return;
        }
        if (!MediaTypes.isJson(req.getContentType())) {
            Http.error(resp, 415, null, ErrorCodes.INVALID_REQUEST, "Unsupported Media Type: use application/json");
            return;
        }
        byte[] body = Http.readBody(req, codec.limits().maxMessageBytes());
        if (body == null) {
            Http.error(resp, 413, null, ErrorCodes.INVALID_REQUEST, "Payload Too Large");
            return;
        }
        List<JsonRpcMessage> messages;
        try {
            messages = codec.decodeAll(body);
        } catch (JsonRpcCodecException e) {
            Http.errorBody(resp, 400, e.toErrorResponse());
            return;
        }
        if (!scopesSuffice(req, resp, messages, null)) {
            return;
        }
        transport.accept(messages, Http.inboundContext(req, AUTH_INFO_ATTRIBUTE));
        resp.setStatus(202);
    }

    // ---------------------------------------------------------------- authorization

    /** Checks the bearer token; on success stores the caller, else answers the challenge. */
    private boolean authenticate(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AuthOutcome outcome = config.authorization.authenticate(req.getHeader("Authorization"));
        if (outcome instanceof AuthOutcome.Authenticated a) {
            req.setAttribute(TOKEN_INFO_ATTRIBUTE, a.info());
            req.setAttribute(AUTH_INFO_ATTRIBUTE, a.info());
            return true;
        }
        challenge(resp, (AuthOutcome.Challenge) outcome, null);
        return false;
    }

    /** Applies the {@link ScopePolicy} to every request of a POST; answers 403 when the token lacks a scope. */
    private boolean scopesSuffice(
            HttpServletRequest req, HttpServletResponse resp, List<JsonRpcMessage> messages, RequestId id)
            throws IOException {
        ScopePolicy policy = config.scopePolicy;
        Object token = req.getAttribute(TOKEN_INFO_ATTRIBUTE);
        if (policy == null || !(token instanceof dev.jmcp.core.transport.AuthInfo info)) {
            return true;
        }
        Set<String> needed = new LinkedHashSet<>();
        for (JsonRpcMessage m : messages) {
            if (m instanceof JsonRpcRequest r) {
                Set<String> scopes = policy.requiredScopes(r.method(), MessageFields.mcpName(r));
                if (scopes != null) {
                    needed.addAll(scopes);
                }
            }
        }
        if (info.scopes().containsAll(needed)) {
            return true;
        }
        challenge(resp, config.authorization.insufficientScope(info, needed), id);
        return false;
    }

    private static void challenge(HttpServletResponse resp, AuthOutcome.Challenge c, RequestId id) throws IOException {
        LOG.debug("refused an MCP request: {} {}", c.status(), c.error());
        resp.setHeader("WWW-Authenticate", c.wwwAuthenticate());
        String reason =
                switch (c.status()) {
                    case 401 -> "Unauthorized";
                    case 403 -> "Forbidden";
                    default -> "Bad Request";
                };
        String detail = c.error() == null
                ? ": a bearer token is required"
                : ": " + c.error() + (c.errorDescription() == null ? "" : " (" + c.errorDescription() + ")");
        Http.error(resp, c.status(), id, ErrorCodes.INVALID_REQUEST, reason + detail);
    }

    // ---------------------------------------------------------------- helpers

    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("closing a session handle failed", e);
        }
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
        private CodecLimits codecLimits = CodecLimits.DEFAULTS;
        private long maxQueuedBytesPerStream = 8L * 1024 * 1024;
        private int maxStandaloneBacklog = 256;
        private DnsRebindingProtection dnsRebindingProtection = DnsRebindingProtection.LOOPBACK;
        private Set<String> allowedHosts = Set.of();
        private Set<String> allowedOrigins = Set.of();
        private boolean legacySse;
        private String legacySsePath = "/sse";
        private String legacyMessagesPath = "/messages";
        private ResourceServerAuth authorization;
        private ScopePolicy scopePolicy;

        private Builder(ServerConnector connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
        }

        /** Serves every POST as a stateless exchange: no sessions, no GET stream. Default false. */
        public Builder stateless(boolean stateless) {
            this.stateless = stateless;
            return this;
        }

        /** Where SSE events are kept for resumption; default a bounded {@link InMemoryEventStore}. */
        public Builder eventStore(EventStore store) {
            this.eventStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The {@code retry} delay sent to clients; default 3 s. */
        public Builder retryInterval(Duration interval) {
            this.retryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** How long a session without connections and requests lives; default 30 min. */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How often idle SSE connections get a keep-alive comment; default 15 s. */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The most concurrent sessions; a new one beyond it gets 503. Default 10 000. */
        public Builder maxSessions(int max) {
            this.maxSessions = max;
            return this;
        }

        /** Limits on inbound messages; the message size is also the request body limit (413 beyond). */
        public Builder codecLimits(CodecLimits limits) {
            this.codecLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The request body limit in bytes (413 beyond); default 4 MiB. */
        public Builder maxRequestBytes(int bytes) {
            this.codecLimits = new CodecLimits(bytes, codecLimits.maxNestingDepth());
            return this;
        }

        /** The most bytes queued for one slow connection before it is closed (it can resume); default 8 MiB. */
        public Builder maxQueuedBytesPerStream(long bytes) {
            this.maxQueuedBytesPerStream = bytes;
            return this;
        }

        /** Messages kept for the standalone stream while no GET is connected; default 256. */
        public Builder maxStandaloneBacklog(int messages) {
            this.maxStandaloneBacklog = messages;
            return this;
        }

        /** When to validate the Host header; default {@link DnsRebindingProtection#LOOPBACK}. */
        public Builder dnsRebindingProtection(DnsRebindingProtection mode) {
            this.dnsRebindingProtection = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Host header values accepted ({@code name} or {@code name:port}); empty means the loopback names. */
        public Builder allowedHosts(Collection<String> hosts) {
            this.allowedHosts = Set.copyOf(hosts);
            return this;
        }

        /** Origins accepted besides same-origin (and loopback origins on loopback binds). */
        public Builder allowedOrigins(Collection<String> origins) {
            this.allowedOrigins = Set.copyOf(origins);
            return this;
        }

        /** Also serves the legacy HTTP+SSE transport (2024-11-05); default false. */
        public Builder legacySse(boolean enabled) {
            this.legacySse = enabled;
            return this;
        }

        /** The legacy SSE path, relative to the context; default {@code /sse}. */
        public Builder legacySsePath(String path) {
            this.legacySsePath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The legacy message path, relative to the context; default {@code /messages}. */
        public Builder legacyMessagesPath(String path) {
            this.legacyMessagesPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Protects the endpoint as an OAuth 2.1 resource server: every request needs a bearer token that {@code
         * auth} accepts (401, 403 or 400 with a {@code WWW-Authenticate} challenge otherwise), and handlers see the
         * caller as {@code AuthInfo}. Serve {@code auth}'s metadata with {@link ProtectedResourceMetadataServlet}.
         */
        public Builder authorization(ResourceServerAuth auth) {
            this.authorization = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * Scopes individual requests need beyond the {@link #authorization} required scopes, e.g. per tool (403
         * {@code insufficient_scope} when missing, so clients step up). Only used with {@link #authorization}.
         */
        public Builder scopePolicy(ScopePolicy policy) {
            this.scopePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        ResourceServerAuth authorizationValue() {
            return authorization;
        }

        boolean legacySseEnabled() {
            return legacySse;
        }

        String legacySsePathValue() {
            return legacySsePath;
        }

        String legacyMessagesPathValue() {
            return legacyMessagesPath;
        }

        /** Builds the servlet. */
        public McpHttpServlet build() {
            return new McpHttpServlet(this);
        }
    }

    Builder config() {
        return config;
    }
}
