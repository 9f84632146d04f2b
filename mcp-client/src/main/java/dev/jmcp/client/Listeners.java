package dev.jmcp.client;

import dev.jmcp.client.internal.ClientRuntime;
import dev.jmcp.client.internal.ExtensionTasks;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.elicitation.ElicitationCompleteNotification;
import dev.jmcp.core.protocol.logging.LoggingMessageNotification;
import dev.jmcp.core.protocol.notifications.ProgressNotification;
import dev.jmcp.core.protocol.resources.ResourceUpdatedNotification;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Wires the builder's typed listeners (and the list cache) to the session's notifications. */
final class Listeners {
    private Listeners() {}

    static void register(ClientRuntime runtime, McpClientBuilder b, McpAsyncClient client) {
        if (!b.logListeners.isEmpty()) {
            List<LogListener> ls = List.copyOf(b.logListeners);
            runtime.addListener(McpMethods.NOTIFICATION_MESSAGE, n -> {
                LoggingMessageNotification m = McpJson.fromTree(params(n.params()), LoggingMessageNotification.class);
                ls.forEach(l -> l.onLog(m));
            });
        }
        if (!b.progressListeners.isEmpty()) {
            List<ProgressNotificationListener> ls = List.copyOf(b.progressListeners);
            runtime.addListener(McpMethods.NOTIFICATION_PROGRESS, n -> {
                ProgressNotification p = McpJson.fromTree(params(n.params()), ProgressNotification.class);
                ls.forEach(l -> l.onProgress(p));
            });
        }
        if (!b.resourceListeners.isEmpty()) {
            List<ResourceUpdatedListener> ls = List.copyOf(b.resourceListeners);
            runtime.addListener(McpMethods.NOTIFICATION_RESOURCES_UPDATED, n -> {
                ResourceUpdatedNotification u = McpJson.fromTree(params(n.params()), ResourceUpdatedNotification.class);
                ls.forEach(l -> l.onUpdated(u));
            });
        }
        if (!b.taskListeners.isEmpty()) {
            List<TaskStatusListener> ls = List.copyOf(b.taskListeners);
            runtime.addListener(McpMethods.NOTIFICATION_TASKS_STATUS, n -> {
                TaskStatusNotification t = McpJson.fromTree(params(n.params()), TaskStatusNotification.class);
                ls.forEach(l -> l.onStatus(t));
            });
            runtime.addListener(ExtensionTasks.NOTIFICATION, n -> {
                TaskStatusNotification t = ExtensionTasks.notification(params(n.params()));
                ls.forEach(l -> l.onStatus(t));
            });
        }
        if (!b.elicitationCompleteListeners.isEmpty()) {
            List<ElicitationCompleteListener> ls = List.copyOf(b.elicitationCompleteListeners);
            runtime.addListener(McpMethods.NOTIFICATION_ELICITATION_COMPLETE, n -> {
                ElicitationCompleteNotification c =
                        McpJson.fromTree(params(n.params()), ElicitationCompleteNotification.class);
                ls.forEach(l -> l.onComplete(c));
            });
        }
        if (!b.connectionListeners.isEmpty()) {
            List<ConnectionListener> ls = List.copyOf(b.connectionListeners);
            runtime.onReconnected(s -> {
                ServerDescription d = McpAsyncClient.describe(s);
                ls.forEach(l -> l.onReconnected(d));
            });
        }
        List<ListChangedListener> changed = List.copyOf(b.listChangedListeners);
        listChanged(runtime, McpMethods.NOTIFICATION_TOOLS_LIST_CHANGED, ListKind.TOOLS, changed, client);
        listChanged(runtime, McpMethods.NOTIFICATION_PROMPTS_LIST_CHANGED, ListKind.PROMPTS, changed, client);
        listChanged(runtime, McpMethods.NOTIFICATION_RESOURCES_LIST_CHANGED, ListKind.RESOURCES, changed, client);
    }

    private static void listChanged(
            ClientRuntime runtime, String method, ListKind kind, List<ListChangedListener> ls, McpAsyncClient client) {
        runtime.addListener(method, n -> {
            client.refreshCache(kind);
            ls.forEach(l -> l.onListChanged(kind));
        });
    }

    private static JsonNode params(JsonNode params) {
        return params == null ? McpJson.object() : params;
    }
}
