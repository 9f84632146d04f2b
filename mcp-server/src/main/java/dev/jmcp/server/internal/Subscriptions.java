package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.notifications.NotificationParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 2026-07-28 {@code subscriptions/listen}: acknowledges, then keeps the request open; list changes and resource
 * updates the client asked for are sent as notifications related to it, until the client cancels it or the
 * session closes.
 */
final class Subscriptions {
    private Subscriptions() {}

    static void register(ServerCore core) {
        core.router().register(McpMethods.SUBSCRIPTIONS_LISTEN, Subscriptions::listen);
    }

    private static JsonNode listen(Call call) {
        JsonNode filter = call.params().get("notifications");
        if (filter == null || !filter.isObject()) {
            throw Errors.invalidParams("'notifications' must be an object");
        }
        JsonNode subs = filter.get("resourceSubscriptions");
        if (subs != null && !subs.isNull() && !subs.isArray()) {
            throw Errors.invalidParams("'resourceSubscriptions' must be an array of URIs");
        }
        ServerSessionImpl.Listener listener =
                new ServerSessionImpl.Listener(call.request().id(), filter);
        // The request stays open without holding a thread: it ends when the client cancels it or the session
        // closes (both cancel the deferred request, which runs the callback below).
        call.request().defer();
        call.session().listeners().put(call.request().id(), listener);
        call.request()
                .onCancel(() -> call.session().listeners().remove(call.request().id()));
        // the filter is echoed as the client sent it: binding it to SubscriptionFilter would drop unknown members
        ObjectNode ack = (ObjectNode) McpJson.toTree(new NotificationParams(ServerCore.listenerMeta(listener)));
        ack.set("notifications", filter);
        call.request().notify(McpMethods.NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED, ack);
        return null;
    }
}
