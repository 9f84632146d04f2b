package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
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
            case "tools/list":
                return need(caps, "tools");
            case "tools/call":
                if (params != null && params.has("task")) {
                    String t = need(caps, "tasks", "requests", "tools", "call");
                    if (t != null) {
                        return t;
                    }
                }
                return need(caps, "tools");
            case "resources/list":
            case "resources/templates/list":
            case "resources/read":
                return need(caps, "resources");
            case "resources/subscribe":
            case "resources/unsubscribe":
                return needTrue(caps, "resources", "subscribe");
            case "prompts/list":
            case "prompts/get":
                return need(caps, "prompts");
            case "completion/complete":
                // 2024-11-05 had completion/complete without a capability
                return version.hasToolAnnotations() ? need(caps, "completions") : null;
            case "logging/setLevel":
                return need(caps, "logging");
            case "tasks/get":
            case "tasks/result":
                return need(caps, "tasks");
            case "tasks/list":
                return need(caps, "tasks", "list");
            case "tasks/cancel":
                return need(caps, "tasks", "cancel");
            default:
                return null;
        }
    }

    private static String eraRefusal(String method, ProtocolVersion version) {
        switch (method) {
            case "ping":
                return version.hasPing() ? null : "ping does not exist in protocol " + version;
            case "logging/setLevel":
                return version.hasSetLevel() ? null : "logging/setLevel does not exist in protocol " + version;
            case "resources/subscribe":
            case "resources/unsubscribe":
                return version.isHandshakeEra()
                        ? null
                        : method + " does not exist in protocol " + version + "; use subscriptions/listen";
            case "tasks/get":
            case "tasks/result":
            case "tasks/list":
            case "tasks/cancel":
                return version.hasCoreTasks() ? null : method + " is not part of protocol " + version;
            case "subscriptions/listen":
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
