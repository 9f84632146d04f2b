package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.notifications.NotificationParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 2026-07-28 {@code subscriptions/listen}: acknowledges, then keeps the request open; list changes, resource
 * updates and (tasks extension) the status of the caller's own tasks the client asked for, and this server honours,
 * are sent as notifications related to it, until the client cancels it, the session closes, or the server shuts
 * down (then it is answered with the empty result).
 */
final class Subscriptions {
    private Subscriptions() {}

    static void register(ServerCore core) {
        core.router().register(McpMethods.SUBSCRIPTIONS_LISTEN, call -> listen(core, call));
    }

    /**
     * The subset of {@code requested} this server honours: a list-changed type only for a kind it declares, and
     * resource URIs only when it serves resources; unsupported and unknown members are omitted.
     */
    static ObjectNode honoured(ServerCore core, JsonNode requested) {
        ServerCapabilities caps = core.capabilities(ProtocolVersion.LATEST);
        ObjectNode out = McpJson.object();
        if (caps.tools() != null && requested.path("toolsListChanged").asBoolean(false)) {
            out.put("toolsListChanged", true);
        }
        if (caps.prompts() != null && requested.path("promptsListChanged").asBoolean(false)) {
            out.put("promptsListChanged", true);
        }
        if (caps.resources() != null) {
            if (requested.path("resourcesListChanged").asBoolean(false)) {
                out.put("resourcesListChanged", true);
            }
            JsonNode uris = requested.get("resourceSubscriptions");
            if (uris != null && uris.isArray()) {
                ArrayNode kept = out.putArray("resourceSubscriptions");
                for (JsonNode u : uris) {
                    if (u.isString()) {
                        kept.add(u.asString());
                    }
                }
            }
        }
        return out;
    }

    private static JsonNode listen(ServerCore core, Call call) {
        JsonNode filter = call.params().get("notifications");
        if (filter == null || !filter.isObject()) {
            throw Errors.invalidParams("'notifications' must be an object");
        }
        JsonNode subs = filter.get("resourceSubscriptions");
        if (subs != null && !subs.isNull() && !subs.isArray()) {
            throw Errors.invalidParams("'resourceSubscriptions' must be an array of URIs");
        }
        JsonNode taskIds = filter.get("taskIds");
        if (taskIds != null && !taskIds.isNull() && !taskIds.isArray()) {
            throw Errors.invalidParams("'taskIds' must be an array of task ids");
        }
        ObjectNode honoured = honoured(core, filter);
        if (taskIds != null && taskIds.isArray()) {
            if (!taskIds.isEmpty() && !Tasks.declaresExtension(call)) {
                throw Capabilities.missing(
                        Capabilities.tasksExtension(),
                        "task status notifications need the client capability extensions[\"" + Tasks.EXTENSION + "\"]");
            }
            // only the caller's own tasks: another owner's (or an unknown) id is left out of the acknowledgement
            honoured.set("taskIds", core.tasks().subscribable(call, taskIds));
        }
        // The request stays open without holding a thread: it ends when the client cancels it, the session closes
        // (both cancel the deferred request) or the server shuts down (which answers it, see closeListeners).
        call.request().defer();
        ServerSessionImpl.Listener listener =
                new ServerSessionImpl.Listener(call.request().id(), honoured, call.request());
        ObjectNode ack = (ObjectNode) McpJson.toTree(new NotificationParams(ServerCore.listenerMeta(listener)));
        ack.set("notifications", honoured);
        // The acknowledgement is the subscription's first message, and a change right after it must not be lost:
        // the listener is registered and acknowledged under its own lock, which every notification to it takes.
        synchronized (listener) {
            call.session().openListener(listener);
            call.request().notify(McpMethods.NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED, ack);
            core.tasks().sendCurrent(call.session(), listener);
        }
        return null;
    }
}
