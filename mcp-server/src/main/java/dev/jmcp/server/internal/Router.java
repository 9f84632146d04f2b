package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.EmptyResult;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.server.UrlElicitationRequiredException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes inbound requests: resolves the era of each request (handshake session, 2026-07-28 {@code _meta} through
 * {@link StatelessAdmission}, or the stateless default), enforces what each era allows, runs the user's
 * interceptors around the method's handler and decorates 2026-07-28 results with {@code resultType} and
 * {@code _meta} server info.
 */
public final class Router {
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
     * Whether the application registered interceptors (which run on every request, and may block); jmcp's own
     * non-blocking ones (the MCP Apps filter) do not count.
     */
    boolean hasBlockingInterceptors() {
        return interceptors.mayBlock();
    }

    /** Whether a handler serves {@code method}. */
    boolean has(String method) {
        return handlers.containsKey(method);
    }

    /**
     * Serves one request arriving on {@code session}: resolves its era, then runs the user's interceptors around
     * its handler. A request rejected while resolving still passes through the interceptors, which see the
     * rejection as its outcome.
     */
    JsonNode route(ServerSessionImpl session, InboundRequest request) throws Exception {
        try {
            return routeResolved(session, request);
        } catch (UrlElicitationRequiredException e) {
            // handlers' are turned into input_required; one thrown elsewhere (an interceptor) must still not
            // become -32042, which the 2026-07-28 revision forbids
            if (declaresVersion(request)) {
                throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "URL elicitation required: " + e.getMessage());
            }
            throw e;
        }
    }

    private static boolean declaresVersion(InboundRequest request) {
        JsonNode params = request.params();
        JsonNode meta = params != null && params.isObject() ? params.get("_meta") : null;
        return meta != null && meta.isObject() && meta.has(MetaKeys.PROTOCOL_VERSION);
    }

    private JsonNode routeResolved(ServerSessionImpl session, InboundRequest request) throws Exception {
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
            result = McpJson.toTree(EmptyResult.empty());
        }
        if (call.stateless() && result.isObject()) {
            decorate((ObjectNode) result);
        }
        return result;
    }

    /** Adds the 2026-07-28 {@code resultType} and server info to a result. */
    void decorate(ObjectNode result) {
        if (!result.has("resultType")) {
            result.put("resultType", ResultType.COMPLETE.value());
        }
        JsonNode meta = result.get("_meta");
        ObjectNode m;
        if (meta != null && meta.isObject()) {
            m = (ObjectNode) meta;
        } else {
            m = SmallNodes.object(1);
            result.set("_meta", m);
        }
        m.set(MetaKeys.SERVER_INFO, core.serverInfoJson());
    }

    private Call resolve(ServerSessionImpl session, InboundRequest request) {
        String method = request.method();
        JsonNode params = request.params();
        JsonNode meta = params != null && params.isObject() ? params.get("_meta") : null;
        JsonNode v = meta != null && meta.isObject() ? meta.get(MetaKeys.PROTOCOL_VERSION) : null;
        if (v != null) {
            StatelessAdmission.Admitted a = StatelessAdmission.admit(method, meta);
            return new Call(request, session, a.version(), true, a.capabilities(), a.clientInfo(), a.logLevel());
        }
        if (McpMethods.SERVER_DISCOVER.equals(method)) {
            // a 2026-07-28 request like any other: without its _meta version it cannot be served (SEP-2575)
            throw Errors.invalidParams("server/discover needs _meta " + MetaKeys.PROTOCOL_VERSION);
        }
        if (session.isStatelessMode()) {
            Optional<String> header = request.context().envelope().declaredProtocolVersion();
            ProtocolVersion pv = header.flatMap(ProtocolVersion::parse).orElse(ProtocolVersion.HTTP_DEFAULT);
            if (pv.isStateless()) {
                throw Errors.invalidParams("missing _meta " + MetaKeys.PROTOCOL_VERSION + " on a 2026-07-28 request");
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
}
