package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.server.RequestContext;
import dev.jmcp.server.ServerSession;
import dev.jmcp.server.UrlElicitationRequiredException;

/** What generated handlers (annotated methods) need from the engine. */
public final class HandlerAccess {
    private HandlerAccess() {}

    /** The session serving the request, or null when {@code ctx} is not the engine's own context. */
    public static ServerSession session(RequestContext ctx) {
        return ctx instanceof ContextImpl c ? c.call().session() : null;
    }

    /**
     * {@code e} as an error the engine sends as a JSON-RPC error even from a tool (where other exceptions become
     * {@code isError} results).
     */
    public static McpRpcException protocolError(McpRpcException e) {
        if (e instanceof ProtocolError || e instanceof UrlElicitationRequiredException) {
            return e;
        }
        ProtocolError p = new ProtocolError(e.error());
        p.initCause(e);
        return p;
    }

    /** An invalid-params ({@code -32602}) JSON-RPC error, sent as such from any handler. */
    public static McpRpcException invalidParams(String message) {
        return new ProtocolError(ErrorCodes.INVALID_PARAMS, message);
    }
}
