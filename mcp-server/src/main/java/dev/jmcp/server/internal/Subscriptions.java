package dev.jmcp.server.internal;

import dev.jmcp.core.McpCancelledException;
import java.util.concurrent.CountDownLatch;
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
        core.router().register("subscriptions/listen", Subscriptions::listen);
    }

    private static JsonNode listen(Call call) throws InterruptedException {
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
        CountDownLatch ended = new CountDownLatch(1);
        call.request().onCancel(ended::countDown);
        call.session().listeners().put(call.request().id(), listener);
        try {
            ObjectNode ack = ServerCore.listenerParams(listener);
            ack.set("notifications", filter);
            call.request().notify("notifications/subscriptions/acknowledged", ack);
            ended.await();
            throw new McpCancelledException("listen ended");
        } finally {
            call.session().listeners().remove(call.request().id());
        }
    }
}
