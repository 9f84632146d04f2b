package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
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
        ServerTransport session;
        if (sessionId == null) {
            session = openSession(resp, post, context);
        } else {
            session = joinSession(resp, post, context, sessionId);
        }
        if (session == null) {
            return;
        }
        if (!post.hasRequests()) {
            session.acceptPost(post.messages(), context, null, StreamMode.NOTIFICATIONS_ONLY);
            resp.setStatus(202);
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
        session.acceptPost(post.messages(), context, writer, StreamMode.of(post));
    }

    /** A new session for a sessionless handshake-era POST, or null after refusing it. */
    private ServerTransport openSession(HttpServletResponse resp, DecodedPost post, InboundContext context)
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
        ServerTransport session = registry.openSession(Callers.principal(context));
        if (session == null) {
            Rejection.of(503, post.firstId(), ErrorCodes.INTERNAL_ERROR, "Too many sessions")
                    .send(resp);
            return null;
        }
        resp.setHeader(SESSION_HEADER, session.sessionId());
        return session;
    }

    /** The existing session a POST names, or null after refusing it. */
    private ServerTransport joinSession(
            HttpServletResponse resp, DecodedPost post, InboundContext context, String sessionId) throws IOException {
        ServerTransport session = registry.session(sessionId);
        Rejection refused = refusal(session, context, post);
        if (refused != null) {
            refused.send(resp);
            return null;
        }
        resp.setHeader(SESSION_HEADER, sessionId);
        ProtocolVersion negotiated = session.protocolVersion();
        if (post.batch() && negotiated != null && !negotiated.allowsBatches()) {
            Rejection.of(
                            400,
                            null,
                            ErrorCodes.INVALID_REQUEST,
                            "batches are not allowed in protocol version " + negotiated)
                    .send(resp);
            return null;
        }
        return session;
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
            exchange.accept(post.messages(), context, null, StreamMode.NOTIFICATIONS_ONLY);
            resp.setStatus(202);
            exchange.close();
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
        exchange.accept(post.messages(), context, writer, StreamMode.of(post));
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
        ServerTransport session = sessionOf(req, resp);
        if (session == null) {
            return;
        }
        String lastEventId = req.getHeader("Last-Event-ID");
        if (lastEventId != null) {
            if (EventStore.streamIdOf(lastEventId) == null) {
                Rejection.of(400, null, ErrorCodes.INVALID_REQUEST, "Bad Request: unknown Last-Event-ID")
                        .send(resp);
                return;
            }
            AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
            writer.header(SESSION_HEADER, session.sessionId());
            if (!session.resume(lastEventId, writer)) {
                writer.begin(400, "application/json");
                writer.write(codec.encode(new JsonRpcErrorResponse(
                        null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "Bad Request: unknown Last-Event-ID"))));
                writer.complete();
            }
            return;
        }
        AsyncWriter writer = AsyncWriter.start(req, resp, registry.writeBudget());
        writer.header(SESSION_HEADER, session.sessionId());
        session.attachStandalone(writer);
    }

    private void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (config.stateless()) {
            Rejection.methodNotAllowed("POST").send(resp);
            return;
        }
        ServerTransport session = sessionOf(req, resp);
        if (session == null) {
            return;
        }
        session.close();
        resp.setStatus(200);
    }

    /** The session a GET or DELETE names, or null after refusing the request. */
    private ServerTransport sessionOf(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
        ServerTransport session = registry.session(sessionId);
        Rejection refused = refusal(session, Callers.context(req), null);
        if (refused != null) {
            refused.send(resp);
            return null;
        }
        return session;
    }

    /** Why a request may not use {@code session} (404 when gone, 403 for another caller), or null. */
    private static Rejection refusal(ServerTransport session, InboundContext context, DecodedPost post) {
        if (session == null) {
            return Rejection.of(404, post == null ? null : post.firstId(), -32001, "Session not found");
        }
        String owner = session.principal();
        if (owner != null && !owner.equals(Callers.principal(context))) {
            return Rejection.of(
                    403,
                    post == null ? null : post.firstId(),
                    ErrorCodes.INVALID_REQUEST,
                    "Forbidden: session belongs to another caller");
        }
        return null;
    }
}
