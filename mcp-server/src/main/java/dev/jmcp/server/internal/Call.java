package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.core.transport.AuthInfo;
import tools.jackson.databind.JsonNode;

/**
 * One inbound request with its era resolved: the revision it is served under, whether it is a 2026-07-28
 * stateless request, and the client's capabilities and info (from the handshake or from the request's
 * {@code _meta}).
 *
 * @param request the engine's request
 * @param session the server session it arrived on
 * @param version the revision the request is served under
 * @param stateless whether it is a 2026-07-28 request carrying its own {@code _meta}
 * @param clientCapabilities the client's capabilities (an empty object when unknown)
 * @param clientInfo the client's implementation info, or null
 * @param metaLogLevel the 2026-07-28 {@code _meta} log level, or null
 * @param early the answer sent before the handler returned, once there is one
 */
public record Call(
        InboundRequest request,
        ServerSessionImpl session,
        ProtocolVersion version,
        boolean stateless,
        JsonNode clientCapabilities,
        JsonNode clientInfo,
        String metaLogLevel,
        EarlyOutcome early) {

    /** A call not answered yet. */
    public Call(
            InboundRequest request,
            ServerSessionImpl session,
            ProtocolVersion version,
            boolean stateless,
            JsonNode clientCapabilities,
            JsonNode clientInfo,
            String metaLogLevel) {
        this(request, session, version, stateless, clientCapabilities, clientInfo, metaLogLevel, new EarlyOutcome());
    }

    /** The params object (an empty object when the request had none). */
    public JsonNode params() {
        JsonNode p = request.params();
        return p != null && p.isObject() ? p : McpJson.object();
    }

    /** The method name. */
    public String method() {
        return request.method();
    }

    /** The authenticated caller, or null. */
    public AuthInfo auth() {
        return request.context().auth();
    }

    /** A string param, or null when absent. Throws -32602 when present with another type. */
    public String stringParam(String name) {
        JsonNode n = params().get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw Errors.invalidParams("'" + name + "' must be a string");
        }
        return n.asString();
    }

    /** A required string param; -32602 when missing. */
    public String requiredString(String name) {
        String s = stringParam(name);
        if (s == null) {
            throw Errors.invalidParams("missing required parameter '" + name + "'");
        }
        return s;
    }

    /** Whether the client declared a capability at the given path, e.g. {@code ("elicitation")}. */
    public boolean clientHas(String... path) {
        JsonNode n = clientCapabilities;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return false;
            }
            n = n.get(p);
        }
        return n != null && !n.isNull();
    }
}
