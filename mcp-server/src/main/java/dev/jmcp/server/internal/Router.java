package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.server.ServerOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes inbound requests: resolves the era of each request (handshake session, 2026-07-28 {@code _meta}, or the
 * stateless default), enforces what each era allows, calls the method's handler and decorates 2026-07-28 results
 * with {@code resultType} and {@code _meta} server info.
 */
public final class Router {
    static final String META_VERSION = MetaKeys.PROTOCOL_VERSION;
    static final String META_CAPS = MetaKeys.CLIENT_CAPABILITIES;
    static final String META_INFO = MetaKeys.CLIENT_INFO;
    static final String META_LOG = MetaKeys.LOG_LEVEL;
    static final String META_SERVER_INFO = MetaKeys.SERVER_INFO;

    private final Map<String, MethodHandler> handlers = new ConcurrentHashMap<>();
    private final ServerCore core;
    private final InterceptorChain interceptors;

    Router(ServerCore core) {
        this.core = core;
        this.interceptors = new InterceptorChain(core.config().interceptors());
    }

    /** Registers the handler of a method. */
    public void register(String method, MethodHandler handler) {
        handlers.put(method, handler);
    }

    /**
     * Serves one request arriving on {@code session}: resolves its era, then runs the user's interceptors around
     * its handler. A request rejected while resolving still passes through the interceptors, which see the
     * rejection as its outcome.
     */
    JsonNode route(ServerSessionImpl session, InboundRequest request) throws Exception {
        if (interceptors.isEmpty()) {
            return serve(resolve(session, request));
        }
        Call call;
        try {
            call = resolve(session, request);
        } catch (RuntimeException rejected) {
            return interceptors.run(new ServerCallView(request, null), () -> {
                throw rejected;
            });
        }
        return interceptors.run(new ServerCallView(request, call), new InterceptorChain.Terminal() {
            @Override
            public JsonNode serve() throws Exception {
                return Router.this.serve(call);
            }

            @Override
            public ServerOutcome answeredEarly() {
                return call.early().get();
            }
        });
    }

    /** Calls the method's handler for a resolved call and decorates its result. */
    private JsonNode serve(Call call) throws Exception {
        InboundRequest request = call.request();
        MethodHandler handler = handlers.get(request.method());
        if (handler == null) {
            throw Errors.methodNotFound(request.method());
        }
        JsonNode result = handler.handle(call);
        if (result == null) {
            result = McpJson.object();
        }
        if (call.stateless() && result.isObject()) {
            decorate((ObjectNode) result);
        }
        return result;
    }

    /** Adds the 2026-07-28 {@code resultType} and server info to a result. */
    void decorate(ObjectNode result) {
        if (!result.has("resultType")) {
            result.put("resultType", "complete");
        }
        JsonNode meta = result.get("_meta");
        ObjectNode m = meta != null && meta.isObject() ? (ObjectNode) meta : result.putObject("_meta");
        m.set(META_SERVER_INFO, core.serverInfo());
    }

    private Call resolve(ServerSessionImpl session, InboundRequest request) {
        String method = request.method();
        JsonNode params = request.params();
        JsonNode meta = params != null && params.isObject() ? params.get("_meta") : null;
        JsonNode v = meta != null && meta.isObject() ? meta.get(META_VERSION) : null;
        if (v != null) {
            return statelessCall(session, request, meta, v);
        }
        if (McpMethods.SERVER_DISCOVER.equals(method)) {
            // a 2026-07-28 request like any other: without its _meta version it cannot be served (SEP-2575)
            throw Errors.invalidParams("server/discover needs _meta " + META_VERSION);
        }
        if (session.isStatelessMode()) {
            Optional<String> header = request.context().envelope().declaredProtocolVersion();
            ProtocolVersion pv = header.flatMap(ProtocolVersion::parse).orElse(ProtocolVersion.HTTP_DEFAULT);
            if (pv.isStateless()) {
                throw Errors.invalidParams("missing _meta " + META_VERSION + " on a 2026-07-28 request");
            }
            return new Call(request, session, pv, false, McpJson.object(), null, null);
        }
        if (McpMethods.INITIALIZE.equals(method)) {
            return new Call(request, session, null, false, McpJson.object(), null, null);
        }
        if (!session.isInitialized()) {
            if (McpMethods.PING.equals(method)) {
                return new Call(
                        request, session, ProtocolVersion.LATEST_HANDSHAKE, false, McpJson.object(), null, null);
            }
            throw Errors.invalidRequest("Server not initialized: send initialize first");
        }
        return new Call(
                request,
                session,
                session.protocolVersion(),
                false,
                session.clientCapabilities(),
                session.clientInfo(),
                null);
    }

    /** Whether {@code method} is one the stateless revision removed (answered -32601, HTTP 404). */
    static boolean isRemoved(ProtocolVersion version, String method) {
        return switch (method) {
            case McpMethods.INITIALIZE,
                    McpMethods.NOTIFICATION_INITIALIZED,
                    McpMethods.RESOURCES_SUBSCRIBE,
                    McpMethods.RESOURCES_UNSUBSCRIBE -> true;
            case McpMethods.PING -> !version.hasPing();
            case McpMethods.LOGGING_SET_LEVEL -> !version.hasSetLevel();
            default -> false;
        };
    }

    private Call statelessCall(ServerSessionImpl session, InboundRequest request, JsonNode meta, JsonNode v) {
        Optional<ProtocolVersion> pv = v.isString() ? ProtocolVersion.parse(v.asString()) : Optional.empty();
        if (pv.isEmpty() || !pv.get().isStateless()) {
            ObjectNode data = McpJson.object();
            ArrayNode supported = data.putArray("supported");
            for (ProtocolVersion p : ProtocolVersion.values()) {
                if (p.isStateless()) {
                    supported.add(p.id());
                }
            }
            data.set("requested", v);
            throw new McpRpcException(new JsonRpcError(
                    ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: " + v, data));
        }
        JsonNode caps = meta.get(META_CAPS);
        if (caps == null || !caps.isObject()) {
            throw Errors.invalidParams("missing or invalid _meta " + META_CAPS);
        }
        JsonNode info = meta.get(META_INFO);
        if (info != null && !info.isObject()) {
            throw Errors.invalidParams("invalid _meta " + META_INFO);
        }
        JsonNode level = meta.get(META_LOG);
        String logLevel = null;
        if (level != null) {
            if (!level.isString() || !Levels.isValid(level.asString())) {
                throw Errors.invalidParams("invalid _meta " + META_LOG + ": " + level);
            }
            logLevel = level.asString();
        }
        if (isRemoved(pv.get(), request.method())) {
            throw Errors.methodNotFound(request.method());
        }
        return new Call(request, session, pv.get(), true, caps, info, logLevel);
    }
}
