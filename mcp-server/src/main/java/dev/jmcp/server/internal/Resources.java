package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.server.ResourceHandler;
import dev.jmcp.server.ResourceRequest;
import dev.jmcp.server.ServerResource;
import dev.jmcp.server.ServerResourceTemplate;
import dev.jmcp.server.UriTemplate;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code resources/list}, {@code resources/templates/list}, {@code resources/read}, subscribe/unsubscribe. */
final class Resources {
    private Resources() {}

    static void register(ServerCore core) {
        Router r = core.router();
        r.register("resources/list", call -> list(core, call));
        r.register("resources/templates/list", call -> templates(core, call));
        r.register("resources/read", call -> read(core, call));
        r.register("resources/subscribe", call -> subscribe(core, call, true));
        r.register("resources/unsubscribe", call -> subscribe(core, call, false));
    }

    private static JsonNode list(ServerCore core, Call call) {
        Pages.Page<ServerResource> page = Pages.page(
                "resources",
                core.resources().list(),
                call.stringParam("cursor"),
                core.config().pageSize());
        ObjectNode result = McpJson.object();
        ArrayNode items = result.putArray("resources");
        page.items().forEach(r -> items.add(McpJson.toTree(r.resource())));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        core.cacheHints(call, result);
        return result;
    }

    private static JsonNode templates(ServerCore core, Call call) {
        Pages.Page<ServerResourceTemplate> page = Pages.page(
                "templates",
                core.templates().list(),
                call.stringParam("cursor"),
                core.config().pageSize());
        ObjectNode result = McpJson.object();
        ArrayNode items = result.putArray("resourceTemplates");
        page.items().forEach(t -> items.add(McpJson.toTree(t.template())));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        core.cacheHints(call, result);
        return result;
    }

    /** The handler and variables for a URI, if a static resource or a template matches it. */
    static Optional<Map.Entry<ResourceHandler, Map<String, String>>> resolve(ServerCore core, String uri) {
        ServerResource r = core.resources().get(uri);
        if (r != null) {
            return Optional.of(Map.entry(r.handler(), Map.of()));
        }
        for (ServerResourceTemplate t : core.templates().list()) {
            Optional<Map<String, String>> vars =
                    UriTemplate.parse(t.template().uriTemplate()).match(uri);
            if (vars.isPresent()) {
                return Optional.of(Map.entry(t.handler(), vars.get()));
            }
        }
        return Optional.empty();
    }

    private static JsonNode read(ServerCore core, Call call) throws Exception {
        String uri = call.requiredString("uri");
        var target = resolve(core, uri).orElseThrow(() -> Errors.resourceNotFound(call.version(), uri));
        ContextImpl ctx = ContextImpl.forCall(core, call, "resource:" + uri, null);
        ReadResourceResult result;
        try {
            result = Invoker.run(core, ctx, () -> target.getKey()
                    .read(new ResourceRequest(uri, target.getValue(), ctx.meta()), ctx));
        } catch (InputRequiredSignal signal) {
            return signal.result();
        } catch (McpRpcException | McpCancelledException e) {
            throw e;
        } catch (McpTimeoutException e) {
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "reading " + uri + " timed out");
        } catch (Exception e) {
            if (ctx.pendingInput() != null) {
                return ctx.pendingInput();
            }
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "Failed to read " + uri + ": " + Tools.describe(e));
        }
        if (ctx.pendingInput() != null) {
            return ctx.pendingInput();
        }
        if (result == null) {
            throw Errors.resourceNotFound(call.version(), uri);
        }
        ObjectNode json = (ObjectNode) McpJson.toTree(result);
        if (call.stateless() && !json.has("ttlMs")) {
            core.cacheHints(call, json);
        }
        return json;
    }

    private static JsonNode subscribe(ServerCore core, Call call, boolean subscribe) {
        String uri = call.requiredString("uri");
        if (call.stateless()) {
            throw Errors.methodNotFound(call.method());
        }
        if (subscribe) {
            if (resolve(core, uri).isEmpty()) {
                throw Errors.resourceNotFound(call.version(), uri);
            }
            call.session().resourceSubscriptions().add(uri);
        } else {
            call.session().resourceSubscriptions().remove(uri);
        }
        return McpJson.object();
    }
}
