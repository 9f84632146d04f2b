package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import tools.jackson.databind.JsonNode;

/**
 * Which server capability each client-to-server method needs, and which methods each era has. A call the server
 * did not declare a capability for fails before anything is sent.
 */
final class CapabilityGate {
    private CapabilityGate() {}

    /**
     * Why {@code method} cannot be sent to this server, or null when it can.
     *
     * @param version the negotiated revision
     * @param caps the server's capabilities object
     * @param params the request params (a {@code task} member needs the task capability of the method)
     */
    static String refusal(String method, ProtocolVersion version, JsonNode caps, JsonNode params) {
        String era = eraRefusal(method, version);
        if (era != null) {
            return era;
        }
        switch (method) {
            case McpMethods.TOOLS_LIST:
                return need(caps, "tools");
            case McpMethods.TOOLS_CALL:
                if (params != null && params.has("task")) {
                    String t = version.isStateless()
                            ? needExtension(caps)
                            : need(caps, "tasks", "requests", "tools", "call");
                    if (t != null) {
                        return t;
                    }
                }
                return need(caps, "tools");
            case McpMethods.RESOURCES_LIST:
            case McpMethods.RESOURCES_TEMPLATES_LIST:
            case McpMethods.RESOURCES_READ:
                return need(caps, "resources");
            case McpMethods.RESOURCES_SUBSCRIBE:
            case McpMethods.RESOURCES_UNSUBSCRIBE:
                return needTrue(caps, "resources", "subscribe");
            case McpMethods.PROMPTS_LIST:
            case McpMethods.PROMPTS_GET:
                return need(caps, "prompts");
            case McpMethods.COMPLETION_COMPLETE:
                // 2024-11-05 had completion/complete without a capability
                return version.hasToolAnnotations() ? need(caps, "completions") : null;
            case McpMethods.LOGGING_SET_LEVEL:
                return need(caps, "logging");
            case McpMethods.TASKS_GET:
            case McpMethods.TASKS_UPDATE:
                return version.isStateless() ? needExtension(caps) : need(caps, "tasks");
            case McpMethods.TASKS_RESULT:
                return need(caps, "tasks");
            case McpMethods.TASKS_LIST:
                return need(caps, "tasks", "list");
            case McpMethods.TASKS_CANCEL:
                return version.isStateless() ? needExtension(caps) : need(caps, "tasks", "cancel");
            default:
                return null;
        }
    }

    /** The 2026-07-28 tasks extension, declared under the server's {@code extensions}. */
    private static String needExtension(JsonNode caps) {
        JsonNode ext = caps == null ? null : caps.path("extensions").get(ExtensionTasks.ID);
        return ext != null && ext.isObject()
                ? null
                : "the server did not declare the extension extensions[\"" + ExtensionTasks.ID + "\"]";
    }

    private static String eraRefusal(String method, ProtocolVersion version) {
        switch (method) {
            case McpMethods.PING:
                return version.hasPing() ? null : "ping does not exist in protocol " + version;
            case McpMethods.LOGGING_SET_LEVEL:
                return version.hasSetLevel() ? null : "logging/setLevel does not exist in protocol " + version;
            case McpMethods.RESOURCES_SUBSCRIBE:
            case McpMethods.RESOURCES_UNSUBSCRIBE:
                return version.isHandshakeEra()
                        ? null
                        : method + " does not exist in protocol " + version + "; use subscriptions/listen";
            case McpMethods.TASKS_GET:
            case McpMethods.TASKS_CANCEL:
                // 2026-07-28: part of the tasks extension
                return version.hasCoreTasks() || version.isStateless()
                        ? null
                        : method + " is not part of protocol " + version;
            case McpMethods.TASKS_UPDATE:
                return version.isStateless() ? null : method + " is not part of protocol " + version;
            case McpMethods.TASKS_RESULT:
            case McpMethods.TASKS_LIST:
                return version.hasCoreTasks()
                        ? null
                        : version.isStateless()
                                ? method + " is not part of the 2026-07-28 tasks extension (tasks/get carries the"
                                        + " result; there is no task list)"
                                : method + " is not part of protocol " + version;
            case McpMethods.SUBSCRIPTIONS_LISTEN:
                return version.isStateless() ? null : "subscriptions/listen needs protocol 2026-07-28 or later";
            default:
                return null;
        }
    }

    private static String need(JsonNode caps, String... path) {
        JsonNode node = caps;
        for (String p : path) {
            node = node == null ? null : node.get(p);
            if (node == null || node.isNull() || !(node.isObject() || node.isBoolean() && node.booleanValue())) {
                return "the server did not declare the capability " + String.join(".", path);
            }
        }
        return null;
    }

    private static String needTrue(JsonNode caps, String... path) {
        JsonNode node = caps;
        for (String p : path) {
            node = node == null ? null : node.get(p);
        }
        return node != null && node.isBoolean() && node.booleanValue()
                ? null
                : "the server did not declare the capability " + String.join(".", path);
    }
}
