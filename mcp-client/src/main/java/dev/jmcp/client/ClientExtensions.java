package dev.jmcp.client;

import dev.jmcp.client.internal.ClientRuntime;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Wires the handlers of the builder's {@link ClientExtension}s into the runtime. */
final class ClientExtensions {
    private static final Logger LOG = LoggerFactory.getLogger(ClientExtensions.class);

    private ClientExtensions() {}

    static void register(ClientRuntime runtime, List<ClientExtension> extensions) {
        for (ClientExtension e : extensions) {
            e.requests().values().forEach(r -> register(runtime, r));
            e.notifications().values().forEach(n -> register(runtime, n));
        }
    }

    private static <P> void register(ClientRuntime runtime, ClientExtension.Request<P> r) {
        runtime.addRequestHandler(r.name(), request -> {
            P params = bind(request.params(), r.paramsType());
            Object result = r.handler().handle(params);
            return result == null ? McpJson.object() : McpJson.toTree(result);
        });
    }

    private static <P> void register(ClientRuntime runtime, ClientExtension.Notification<P> n) {
        runtime.addListener(n.name(), notification -> {
            try {
                n.handler().handle(bind(notification.params(), n.paramsType()));
            } catch (Exception e) {
                LOG.warn("the handler of extension notification {} failed", n.name(), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    static <P> P bind(JsonNode params, Class<P> type) {
        JsonNode p = params == null || params.isNull() ? McpJson.object() : params;
        if (type == JsonNode.class || type == Object.class) {
            return (P) p;
        }
        try {
            return McpJson.fromTree(p, type);
        } catch (RuntimeException e) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "invalid params: " + e.getMessage());
        }
    }
}
