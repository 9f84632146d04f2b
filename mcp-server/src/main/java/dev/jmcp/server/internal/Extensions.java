package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.server.ExtensionDeclaration;
import dev.jmcp.server.ServerExtension;
import dev.jmcp.server.ServerSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The extensions a server offers, each registered once by identifier: what {@code capabilities.extensions} declares
 * to a given client under a given revision, the extensions' request methods (routed like core methods, and
 * answered {@code -32601} to a client the extension is not declared to) and their notification handlers. The
 * application's {@link ServerExtension}s and the built-in tasks extension both register here.
 */
public final class Extensions {
    private static final Logger LOG = LoggerFactory.getLogger(Extensions.class);

    /** Whether an extension is declared to a client under a revision. */
    @FunctionalInterface
    interface Condition {
        boolean declared(ProtocolVersion version, JsonNode clientCapabilities);
    }

    /**
     * One registered extension.
     *
     * @param id the identifier
     * @param settings the settings object it declares
     * @param condition when it is declared
     * @param gated whether its methods are refused ({@code -32601}) to a client it is not declared to
     * @param methods its request methods
     * @param notifications its notification handlers, given the params and the session
     */
    record Spec(
            String id,
            JsonNode settings,
            Condition condition,
            boolean gated,
            Map<String, MethodHandler> methods,
            Map<String, BiConsumer<JsonNode, ServerSessionImpl>> notifications) {}

    private final List<Spec> specs = new CopyOnWriteArrayList<>();
    private final Map<String, BiConsumer<JsonNode, ServerSessionImpl>> notifications = new LinkedHashMap<>();
    private volatile Map<String, BiConsumer<JsonNode, ServerSessionImpl>> notificationSnapshot = Map.of();

    /** Registers an extension: its methods on {@code router}; a second extension with the same id is refused. */
    void add(Spec spec, Router router) {
        for (Spec s : specs) {
            if (s.id().equals(spec.id())) {
                throw new IllegalArgumentException("extension " + spec.id() + " is registered twice");
            }
        }
        for (Map.Entry<String, MethodHandler> m : spec.methods().entrySet()) {
            if (router.has(m.getKey())) {
                throw new IllegalArgumentException(
                        "extension " + spec.id() + ": method " + m.getKey() + " is already served");
            }
        }
        for (Map.Entry<String, MethodHandler> m : spec.methods().entrySet()) {
            MethodHandler h = m.getValue();
            router.register(
                    m.getKey(),
                    spec.gated()
                            ? call -> {
                                if (!spec.condition().declared(call.version(), call.clientCapabilities())) {
                                    throw Errors.methodNotFound(call.method());
                                }
                                return h.handle(call);
                            }
                            : h);
        }
        synchronized (notifications) {
            notifications.putAll(spec.notifications());
            notificationSnapshot = Collections.unmodifiableMap(new LinkedHashMap<>(notifications));
        }
        specs.add(spec);
    }

    /** Registers an application's extension. */
    void add(ServerExtension extension, ServerCore core) {
        Map<String, MethodHandler> methods = new LinkedHashMap<>();
        extension.requests().forEach((name, m) -> methods.put(name, typed(core, m)));
        Map<String, BiConsumer<JsonNode, ServerSessionImpl>> notes = new LinkedHashMap<>();
        extension.notifications().forEach((name, n) -> notes.put(name, typed(n)));
        Condition condition = extension.declaration() == ExtensionDeclaration.ALWAYS
                ? (v, caps) -> true
                : (v, caps) -> clientSettings(caps, extension.id()) != null;
        add(
                new Spec(
                        extension.id(),
                        extension.settings(),
                        condition,
                        extension.declaration() == ExtensionDeclaration.WHEN_CLIENT_DECLARES,
                        methods,
                        notes),
                core.router());
    }

    /** The {@code capabilities.extensions} map declared to a client with {@code clientCapabilities}; null if none. */
    Map<String, JsonNode> declared(ProtocolVersion version, JsonNode clientCapabilities) {
        Map<String, JsonNode> out = null;
        for (Spec s : specs) {
            if (s.condition().declared(version, clientCapabilities)) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(s.id(), s.settings().deepCopy());
            }
        }
        return out;
    }

    /** Whether any extension handles notifications (most servers: none, and then no table is copied). */
    boolean hasNotificationHandlers() {
        synchronized (notifications) {
            return !notifications.isEmpty();
        }
    }

    /** The notification handlers of every extension. */
    Map<String, BiConsumer<JsonNode, ServerSessionImpl>> notificationHandlers() {
        // read per session (a stateless call builds one): a snapshot taken on registration, no lock, no copy
        return notificationSnapshot;
    }

    /** The settings a client declared for extension {@code id} in {@code clientCapabilities}, or null. */
    static JsonNode clientSettings(JsonNode clientCapabilities, String id) {
        if (clientCapabilities == null) {
            return null;
        }
        JsonNode ext = clientCapabilities.path("extensions").get(id);
        return ext != null && ext.isObject() ? ext : null;
    }

    private static <P> MethodHandler typed(ServerCore core, ServerExtension.Method<P> m) {
        return call -> {
            P params = bind(call.params(), m.paramsType());
            ContextImpl ctx = ContextImpl.forCall(core, call, "extension:" + m.name(), call.params());
            HandlerTemplate.Policy<Object> policy = new HandlerTemplate.Policy<>(
                    timeout ->
                            ctx.answerEarlyError(JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, m.name() + " timed out")),
                    HandlerTemplate::protocolOrCancel,
                    e -> {
                        throw new McpRpcException(
                                ErrorCodes.INTERNAL_ERROR, m.name() + " failed: " + Tools.describe(e));
                    },
                    result -> {
                        if (result == null) {
                            return McpJson.object();
                        }
                        JsonNode json = McpJson.toTree(result);
                        if (!json.isObject()) {
                            throw new McpRpcException(
                                    ErrorCodes.INTERNAL_ERROR, m.name() + " returned a result that is not an object");
                        }
                        return (ObjectNode) json;
                    });
            return HandlerTemplate.invoke(core, ctx, policy, () -> m.handler().handle(params, ctx));
        };
    }

    private static <P> BiConsumer<JsonNode, ServerSessionImpl> typed(ServerExtension.Notification<P> n) {
        return (params, session) -> {
            try {
                P p = bind(params == null || params.isNull() ? McpJson.object() : params, n.paramsType());
                n.handler().handle(p, (ServerSession) session);
            } catch (Exception e) {
                LOG.warn("the handler of extension notification {} failed", n.name(), e);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <P> P bind(JsonNode params, Class<P> type) {
        if (type == JsonNode.class || type == Object.class) {
            return (P) params;
        }
        try {
            return McpJson.fromTree(params, type);
        } catch (RuntimeException e) {
            throw Errors.invalidParams("invalid params: " + e.getMessage());
        }
    }
}
