package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.EmptyResult;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.server.ResourceHandler;
import dev.jmcp.server.ResourceRequest;
import dev.jmcp.server.ServerResource;
import dev.jmcp.server.ServerResourceTemplate;
import dev.jmcp.server.UriTemplate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code resources/list}, {@code resources/templates/list}, {@code resources/read}, subscribe/unsubscribe. */
final class Resources {
    /**
     * Each registered template compiled once, on its first lookup, not per request; an entry goes when its
     * template is no longer referenced (unregistered). The compiled value does not reference its key.
     */
    private static final Map<ServerResourceTemplate, UriTemplate> COMPILED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Resources() {}

    /** The compiled template of {@code t}, compiled on first use. */
    static UriTemplate compiled(ServerResourceTemplate t) {
        return COMPILED.computeIfAbsent(t, k -> UriTemplate.parse(k.template().uriTemplate()));
    }

    static void register(ServerCore core) {
        Router r = core.router();
        r.register(McpMethods.RESOURCES_LIST, call -> list(core, call));
        r.register(McpMethods.RESOURCES_TEMPLATES_LIST, call -> templates(core, call));
        r.register(McpMethods.RESOURCES_READ, call -> read(core, call));
        r.register(McpMethods.RESOURCES_SUBSCRIBE, call -> subscribe(core, call));
        r.register(McpMethods.RESOURCES_UNSUBSCRIBE, Resources::unsubscribe);
    }

    private static JsonNode list(ServerCore core, Call call) {
        return ListResults.page(
                core,
                call,
                "resources",
                "resources",
                core.resources().list(),
                r -> Definitions.resource((ObjectNode) McpJson.toTree(r.resource()), call.version()));
    }

    private static JsonNode templates(ServerCore core, Call call) {
        return ListResults.page(
                core,
                call,
                "templates",
                "resourceTemplates",
                core.templates().list(),
                t -> Definitions.resource((ObjectNode) McpJson.toTree(t.template()), call.version()));
    }

    /** The handler and variables for a URI, if a static resource or a template matches it. */
    static Optional<Map.Entry<ResourceHandler, Map<String, String>>> resolve(ServerCore core, String uri) {
        ServerResource r = core.resources().get(uri);
        if (r != null) {
            return Optional.of(Map.entry(r.handler(), Map.of()));
        }
        for (ServerResourceTemplate t : core.templates().list()) {
            Optional<Map<String, String>> vars = compiled(t).match(uri);
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
        HandlerTemplate.Policy<ReadResourceResult> policy = new HandlerTemplate.Policy<>(
                timeout -> ctx.answerEarlyError(
                        JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "reading " + uri + " timed out")),
                HandlerTemplate::protocolOrCancel,
                e -> {
                    throw new McpRpcException(
                            ErrorCodes.INTERNAL_ERROR, "Failed to read " + uri + ": " + Tools.describe(e));
                },
                result -> {
                    if (result == null) {
                        throw Errors.resourceNotFound(call.version(), uri);
                    }
                    ObjectNode json = (ObjectNode) McpJson.toTree(result);
                    if (call.stateless() && !json.has("ttlMs")) {
                        core.cacheHints(call, json);
                    }
                    return json;
                });
        return HandlerTemplate.invoke(core, ctx, policy, () -> target.getKey()
                .read(new ResourceRequest(uri, target.getValue(), ctx.meta()), ctx));
    }

    private static JsonNode subscribe(ServerCore core, Call call) {
        String uri = subscriptionUri(call);
        if (resolve(core, uri).isEmpty()) {
            throw Errors.resourceNotFound(call.version(), uri);
        }
        if (call.session().resourceSubscriptions().add(uri)) {
            call.session().subscriptionsChanged();
        }
        return McpJson.toTree(EmptyResult.empty());
    }

    private static JsonNode unsubscribe(Call call) {
        if (call.session().resourceSubscriptions().remove(subscriptionUri(call))) {
            call.session().subscriptionsChanged();
        }
        return McpJson.toTree(EmptyResult.empty());
    }

    /** The URI of a handshake-era (un)subscribe; the 2026-07-28 revision has neither method. */
    private static String subscriptionUri(Call call) {
        String uri = call.requiredString("uri");
        if (call.stateless()) {
            throw Errors.methodNotFound(call.method());
        }
        if (call.session().isStatelessMode()) {
            // a stateless exchange ends with its answer: it could never deliver an update (nor declares subscribe)
            throw new McpRpcException(
                    ErrorCodes.METHOD_NOT_FOUND,
                    call.method() + " needs a session; this server is stateless and declares no 'subscribe'");
        }
        return uri;
    }
}
