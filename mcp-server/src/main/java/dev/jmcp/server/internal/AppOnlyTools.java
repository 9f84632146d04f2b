package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.apps.AppsProtocol;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerOutcome;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP Apps fallback for clients that did not declare the extension: tools only a view may call ({@code
 * _meta.ui.visibility} without {@code "model"}) are left out of their {@code tools/list} and a call to one answers
 * "unknown tool", as if the tool did not exist; every other tool, with or without a view, is served as usual (its
 * content stands on its own). A client declares the extension at {@code initialize} (handshake era) or in the
 * request's {@code _meta} client capabilities (2026-07-28); pre-2026 requests in stateless mode cannot declare it.
 */
public final class AppOnlyTools implements NonBlockingInterceptor {
    private final Set<String> appOnly;

    /** Hides the tools named {@code appOnly} from clients without Apps. */
    public AppOnlyTools(Set<String> appOnly) {
        this.appOnly = Set.copyOf(appOnly);
    }

    @Override
    public ServerOutcome intercept(ServerCall call, Chain chain) {
        String method = call.method();
        if (!"tools/list".equals(method) && !"tools/call".equals(method)) {
            return chain.proceed();
        }
        if (clientDeclared(call)) {
            return chain.proceed();
        }
        if ("tools/call".equals(method)) {
            JsonNode name = call.params().get("name");
            if (name != null && name.isString() && appOnly.contains(name.stringValue())) {
                return ServerOutcome.error(
                        JsonRpcError.of(ErrorCodes.INVALID_PARAMS, "Unknown tool: " + name.stringValue()));
            }
            return chain.proceed();
        }
        ServerOutcome outcome = chain.proceed();
        if (outcome.kind() != ServerOutcome.Kind.RESULT
                || !(outcome.result().orElse(null) instanceof ObjectNode result)) {
            return outcome;
        }
        JsonNode tools = result.get("tools");
        if (!(tools instanceof ArrayNode list)) {
            return outcome;
        }
        ArrayNode kept = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode tool = list.get(i);
            if (isAppOnly(tool)) {
                if (kept == null) {
                    kept = result.arrayNode(list.size() - 1);
                    for (int j = 0; j < i; j++) {
                        kept.add(list.get(j));
                    }
                }
            } else if (kept != null) {
                kept.add(tool);
            }
        }
        if (kept == null) {
            return outcome;
        }
        // A shallow copy: the result's other members and the kept tools are shared, not copied.
        ObjectNode filtered = result.objectNode();
        for (Map.Entry<String, JsonNode> member : result.properties()) {
            filtered.set(member.getKey(), member.getValue());
        }
        filtered.set("tools", kept);
        return ServerOutcome.result(filtered);
    }

    private static boolean isAppOnly(JsonNode tool) {
        return AppsProtocol.toolMeta(tool.get("_meta")).map(m -> m.appOnly()).orElse(false);
    }

    private static boolean clientDeclared(ServerCall call) {
        if (call.session()
                .flatMap(s -> s.clientExtension(AppsProtocol.EXTENSION_ID))
                .isPresent()) {
            return true;
        }
        ClientCapabilities caps = call.requestMeta().clientCapabilities();
        Map<String, JsonNode> extensions = caps == null ? null : caps.extensions();
        return extensions != null && extensions.containsKey(AppsProtocol.EXTENSION_ID);
    }
}
