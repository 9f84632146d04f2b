package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import dev.jmcp.transport.http.common.internal.MediaTypes;
import dev.jmcp.transport.http.servlet.EventStore;
import dev.jmcp.transport.http.servlet.internal.admission.DecodedPost;
import dev.jmcp.transport.http.servlet.internal.admission.PostAdmission;
import dev.jmcp.transport.http.servlet.internal.admission.Rejection;
import dev.jmcp.transport.http.servlet.internal.admission.VersionCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP endpoint: a POST passes {@link PostAdmission} and goes to a stateless exchange, a new
 * session or its session; a GET opens or resumes a session's SSE stream; a DELETE ends a session.
 */
public final class StreamableEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(StreamableEndpoint.class);
    private static final String SESSION_HEADER = McpHttpHeaders.SESSION_ID;
    private static final String VERSION_HEADER = McpHttpHeaders.PROTOCOL_VERSION;

    private final EndpointConfig config;
    private final SessionRegistry registry;
    private final JsonRpcCodec codec;
    private final PostAdmission admission;

    /** The endpoint serving {@code registry}'s sessions. */
    public StreamableEndpoint(
            EndpointConfig config, SessionRegistry registry, JsonRpcCodec codec, PostAdmission admission) {
        this.config = config;
        this.registry = registry;
        this.codec = codec;
        this.admission = admission;
    }

    /** Serves a request to the MCP path. */
    public void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String versionHeader = req.getHeader(VERSION_HEADER);
        // a POST is checked after its body is read: a 2026-07-28 request naming the same unknown version in its
        // _meta gets UnsupportedProtocolVersion (-32022) with the supported versions from the server instead
        if (!"POST".equals(req.getMethod()) && VersionCheck.isUnknown(versionHeader)) {
            VersionCheck.unsupportedHeader(versionHeader).send(resp);
            return;
        }
        switch (req.getMethod()) {
            case "POST" -> post(req, resp);
            case "GET" -> get(req, resp);
            case "DELETE" -> delete(req, resp);
            default ->
                Rejection.methodNotAllowed(config.stateless() ? "POST" : "GET, POST, DELETE")
                        .send(resp);
        }
    }

    // ---------------------------------------------------------------- POST

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the body is read without holding a container thread (issue #14, D6); admitted runs once it is in
        admission.admitAsync(
                req,
                resp,
                Callers.token(req),
                config.streamLimits().bodyReadTimeout(),
                outcome -> admitted(req, resp, outcome));
    }

    private void admitted(HttpServletRequest req, HttpServletResponse resp, PostAdmission.Outcome outcome)
            throws IOException {
        if (outcome.isRefused()) {
            outcome.rejection().send(resp);
            return;
        }
        DecodedPost post = outcome.post();
        boolean statelessEra = post.statelessEra();
        InboundContext context = Callers.context(req);
        String sessionId = req.getHeader(SESSION_HEADER);
        if (config.stateless() || (sessionId == null && statelessEra)) {
            postStateless(req, resp, post, context);
            return;
        }
        LiveSession live;
        if (sessionId == null) {
            live = openSession(req, resp, post, context);
        } else {
            live = joinSession(req, resp, post, context, sessionId);
        }
        if (live == null) {
            return;
        }
        // DELETE, expiry and shutdown wait for this hand-over; a session closed before it answers 404 here
        if (!live.enter()) {
            gone(post.firstId()).send(resp);
            return;
        }
        try {
            handOver(req, resp, post, context, live.transport());
        } finally {
            live.exit();
        }
    }

    /** Gives the POST to its session: 202 for notifications and responses, else the request stream. */
    private void handOver(
            HttpServletRequest req,
            HttpServletResponse resp,
            DecodedPost post,
            InboundContext context,
            ServerTransport session)
            throws IOException {
        if (!post.hasRequests()) {
            session.acceptPost(post.messages(), context, null, StreamMode.NOTIFICATIONS_ONLY);
            resp.setStatus(202);
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
        session.acceptPost(post.messages(), context, writer, StreamMode.of(post));
        if (session.isClosed()) {
            // the server side closed the session meanwhile: end the stream rather than leave it waiting (a no-op
            // when the close or an answer already ended it)
            writer.complete();
        }
    }

    /** The answer to a request naming a session that closed: 404, or 503 once the endpoint is shut down. */
    private Rejection gone(RequestId id) {
        return registry.isClosed()
                ? SessionRefusal.SHUT_DOWN.rejection(id)
                : Rejection.of(404, id, -32001, "Session not found");
    }

    /** A new session for a sessionless handshake-era POST, or null after refusing it. */
    private LiveSession openSession(
            HttpServletRequest req, HttpServletResponse resp, DecodedPost post, InboundContext context)
            throws IOException {
        if (!SessionOpening.opensSession(post.messages())) {
            Rejection.of(
                            400,
                            post.firstId(),
                            ErrorCodes.INVALID_REQUEST,
                            "Bad Request: " + SESSION_HEADER + " header is required")
                    .send(resp);
            return null;
        }
        if (post.batch()) {
            Rejection.of(400, null, ErrorCodes.INVALID_REQUEST, "initialize must not be part of a batch")
                    .send(resp);
            return null;
        }
        SessionRegistry.Opening opening = registry.openSession(SessionOwner.of(context, req.getRemoteAddr()));
        if (opening.refusal() != null) {
            opening.refusal().rejection(post.firstId()).send(resp);
            return null;
        }
        LiveSession live = opening.session();
        resp.setHeader(SESSION_HEADER, live.transport().sessionId());
        return live;
    }

    /** The existing session a POST names, or null after refusing it. */
    private LiveSession joinSession(
            HttpServletRequest req,
            HttpServletResponse resp,
            DecodedPost post,
            InboundContext context,
            String sessionId)
            throws IOException {
        LiveSession live = registry.session(sessionId);
        if (live == null) {
            SessionRegistry.Opening resumed = resume(req, context, sessionId);
            if (resumed.refusal() != null) {
                resumed.refusal().rejection(post.firstId()).send(resp);
                return null;
            }
            live = resumed.session();
        }
        Rejection refused = refusal(live, context, post);
        if (refused != null) {
            refused.send(resp);
            return null;
        }
        resp.setHeader(SESSION_HEADER, sessionId);
        ProtocolVersion negotiated = live.transport().protocolVersion();
        if (post.batch() && negotiated != null && !negotiated.allowsBatches()) {
            Rejection.of(
                            400,
                            null,
                            ErrorCodes.INVALID_REQUEST,
                            "batches are not allowed in protocol version " + negotiated)
                    .send(resp);
            return null;
        }
        return live;
    }

    private void postStateless(
            HttpServletRequest req, HttpServletResponse resp, DecodedPost post, InboundContext context)
            throws IOException {
        StatelessExchange exchange;
        try {
            exchange = registry.openExchange();
        } catch (RuntimeException e) {
            LOG.warn("connectStateless failed", e);
            Rejection.of(500, null, ErrorCodes.INTERNAL_ERROR, "cannot serve the request")
                    .send(resp);
            return;
        }
        if (!post.hasRequests()) {
            exchange.acceptNotifications(post.messages(), context);
            resp.setStatus(202);
            exchange.close();
            return;
        }
        exchange.accept(
                post.messages(),
                context,
                StreamMode.of(post),
                () -> AsyncWriter.start(req, resp, registry.writeBudget()));
        StatelessExchange.InlineAnswer inline = exchange.delivered();
        if (inline != null) {
            // answered while delivered (the handler ran on this thread): a plain write, no async mode
            Http.answer(resp, inline.status(), inline.body());
        }
    }

    // ---------------------------------------------------------------- GET and DELETE

    private void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!MediaTypes.accepts(req.getHeader("Accept"), "text/event-stream")) {
            Rejection.of(406, null, ErrorCodes.INVALID_REQUEST, "Not Acceptable: GET needs text/event-stream")
                    .send(resp);
            return;
        }
        if (config.stateless()) {
            Rejection.methodNotAllowed("POST").send(resp);
            return;
        }
        LiveSession live = sessionOf(req, resp);
        if (live == null) {
            return;
        }
        String lastEventId = req.getHeader("Last-Event-ID");
        if (lastEventId != null && EventStore.streamIdOf(lastEventId) == null) {
            Rejection.of(400, null, ErrorCodes.INVALID_REQUEST, "Bad Request: unknown Last-Event-ID")
                    .send(resp);
            return;
        }
        if (!live.enter()) {
            gone(null).send(resp);
            return;
        }
        try {
            stream(req, resp, live.transport(), lastEventId);
        } finally {
            live.exit();
        }
    }

    /** Attaches a GET to the session's standalone stream, or resumes the stream {@code lastEventId} names. */
    private void stream(HttpServletRequest req, HttpServletResponse resp, ServerTransport session, String lastEventId)
            throws IOException {
        if (lastEventId != null) {
            AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
            writer.header(SESSION_HEADER, session.sessionId());
            if (!session.resume(lastEventId, writer)) {
                writer.begin(400, "application/json");
                writer.write(codec.encode(new JsonRpcErrorResponse(
                        null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "Bad Request: unknown Last-Event-ID"))));
                writer.complete();
            } else if (session.isClosed()) {
                writer.complete(); // the session closed meanwhile: end the stream rather than leave it open
            }
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
        writer.header(SESSION_HEADER, session.sessionId());
        session.attachStandalone(writer);
        if (session.isClosed()) {
            writer.complete(); // the session closed meanwhile: end the stream rather than leave it open
        }
    }

    private void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (config.stateless()) {
            Rejection.methodNotAllowed("POST").send(resp);
            return;
        }
        LiveSession live = sessionOf(req, resp);
        if (live == null) {
            return;
        }
        registry.terminate(live);
        resp.setStatus(200);
    }

    /** The session a GET or DELETE names, or null after refusing the request. */
    private LiveSession sessionOf(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sessionId = req.getHeader(SESSION_HEADER);
        if (sessionId == null) {
            String v = req.getHeader(VERSION_HEADER);
            if (v != null
                    && ProtocolVersion.parse(v.trim())
                            .map(ProtocolVersion::isStateless)
                            .orElse(false)) {
                Rejection.methodNotAllowed("POST").send(resp);
            } else {
                Rejection.of(
                                400,
                                null,
                                ErrorCodes.INVALID_REQUEST,
                                "Bad Request: " + SESSION_HEADER + " header is required")
                        .send(resp);
            }
            return null;
        }
        LiveSession live = registry.session(sessionId);
        InboundContext context = Callers.context(req);
        if (live == null) {
            SessionRegistry.Opening resumed = resume(req, context, sessionId);
            if (resumed.refusal() != null) {
                resumed.refusal().rejection(null).send(resp);
                return null;
            }
            live = resumed.session();
        }
        Rejection refused = refusal(live, context, null);
        if (refused != null) {
            refused.send(resp);
            return null;
        }
        return live;
    }

    /**
     * Session {@code sessionId}, which this instance does not hold, resumed from the server's session store (issue
     * #18: another instance opened it); neither session nor refusal when it is unknown.
     */
    private SessionRegistry.Opening resume(HttpServletRequest req, InboundContext context, String sessionId) {
        if (registry.isClosed()) {
            return new SessionRegistry.Opening(null, null); // 404, as for any session after shutdown
        }
        try {
            return registry.resumeSession(sessionId, SessionOwner.of(context, req.getRemoteAddr()), context);
        } catch (RuntimeException e) {
            LOG.warn("resuming session failed; answering as unknown", e);
            return new SessionRegistry.Opening(null, null);
        }
    }

    /** Why a request may not use {@code session} (404 when gone, 403 for another caller), or null. */
    private static Rejection refusal(LiveSession live, InboundContext context, DecodedPost post) {
        if (live == null) {
            return Rejection.of(404, post == null ? null : post.firstId(), -32001, "Session not found");
        }
        if (!SessionOwner.mayUse(live.transport().principal(), context)) {
            return Rejection.of(
                    403,
                    post == null ? null : post.firstId(),
                    ErrorCodes.INVALID_REQUEST,
                    "Forbidden: session belongs to another caller");
        }
        return null;
    }
}
