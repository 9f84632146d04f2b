package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.transport.http.servlet.internal.admission.BodyDecoder;
import dev.jmcp.transport.http.servlet.internal.admission.MediaTypeCheck;
import dev.jmcp.transport.http.servlet.internal.admission.Rejection;
import dev.jmcp.transport.http.servlet.internal.admission.ScopeCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The legacy HTTP+SSE endpoint (2024-11-05): a {@code GET} on the SSE path opens a connection that announces
 * where to post, and a {@code POST} to the messages path (with the connection's {@code sessionId}) delivers
 * messages to it; answers travel on the SSE stream, the POST itself gets 202. A connection is bound to the caller
 * that opened it (another caller's POST gets 403) and takes a session slot of the endpoint's quota.
 */
public final class LegacySseEndpoint {
    private final EndpointConfig.LegacyPaths paths;
    private final SessionRegistry registry;
    private final JsonRpcCodec codec;
    private final BodyDecoder decoder;
    private final ScopeCheck scopes;
    private final WriteBudget writeBudget;

    /** The endpoint on {@code paths}, registering its connections in {@code registry}. */
    public LegacySseEndpoint(
            EndpointConfig config,
            SessionRegistry registry,
            JsonRpcCodec codec,
            BodyDecoder decoder,
            ScopeCheck scopes) {
        this.paths = config.legacySse();
        this.registry = registry;
        this.codec = codec;
        this.decoder = decoder;
        this.scopes = scopes;
        this.writeBudget = registry.writeBudget();
    }

    /** Whether {@code path} (relative to the context) is one of this endpoint's. */
    public boolean serves(String path) {
        return path.equals(paths.ssePath()) || path.equals(paths.messagesPath());
    }

    /** Serves a request to one of this endpoint's paths. */
    public void service(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (path.equals(paths.ssePath())) {
            if ("GET".equals(req.getMethod())) {
                open(req, resp);
            } else {
                Rejection.methodNotAllowed("GET").send(resp);
            }
        } else if ("POST".equals(req.getMethod())) {
            post(req, resp);
        } else {
            Rejection.methodNotAllowed("POST").send(resp);
        }
    }

    private void open(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SessionOwner owner = SessionOwner.of(Callers.context(req), req.getRemoteAddr());
        String messages = req.getContextPath() + paths.messagesPath() + "?sessionId=";
        SessionRefusal refused = registry.openLegacy(
                owner,
                id -> new LegacySseTransport(id, AsyncWriter.start(req, resp, writeBudget), codec, owner.binding()),
                id -> messages + id);
        if (refused != null) {
            refused.rejection(null).send(resp);
        }
    }

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LegacySseTransport transport = registry.legacy(req.getParameter("sessionId"));
        if (transport == null || transport.isClosed()) {
            Rejection.of(404, null, -32001, "Session not found").send(resp);
            return;
        }
        InboundContext context = Callers.context(req);
        if (!SessionOwner.mayUse(transport.owner(), context)) {
            Rejection.of(403, null, ErrorCodes.INVALID_REQUEST, "Forbidden: session belongs to another caller")
                    .send(resp);
            return;
        }
        Optional<Rejection> media = MediaTypeCheck.jsonBody(req.getContentType());
        if (media.isPresent()) {
            media.get().send(resp);
            return;
        }
        BodyDecoder.Body body = decoder.read(req);
        if (body.isRefused()) {
            body.rejection().send(resp);
            return;
        }
        Optional<Rejection> refused = scopes.check(body.messages(), Callers.token(req), null);
        if (refused.isPresent()) {
            refused.get().send(resp);
            return;
        }
        transport.accept(body.messages(), context);
        resp.setStatus(202);
    }
}
