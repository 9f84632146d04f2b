package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
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
 * messages to it; answers travel on the SSE stream, the POST itself gets 202.
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
        if (!registry.legacyHasRoom()) {
            Rejection.of(503, null, ErrorCodes.INTERNAL_ERROR, "Too many sessions")
                    .send(resp);
            return;
        }
        String id = SessionRegistry.newId();
        AsyncWriter writer = AsyncWriter.start(req, resp, writeBudget);
        String endpoint = req.getContextPath() + paths.messagesPath() + "?sessionId=" + id;
        registry.openLegacy(new LegacySseTransport(id, writer, codec, endpoint));
    }

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LegacySseTransport transport = registry.legacy(req.getParameter("sessionId"));
        if (transport == null) {
            Rejection.of(404, null, -32001, "Session not found").send(resp);
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
        transport.accept(body.messages(), Callers.context(req));
        resp.setStatus(202);
    }
}
