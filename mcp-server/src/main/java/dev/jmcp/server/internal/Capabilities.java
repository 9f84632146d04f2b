package dev.jmcp.server.internal;

import tools.jackson.databind.JsonNode;

/** Reads client capabilities by the dotted names the server checks ("elicitation.form", "sampling.tools"...). */
final class Capabilities {
    private Capabilities() {}

    static boolean clientHas(JsonNode caps, String capability) {
        if (caps == null || !caps.isObject()) {
            return false;
        }
        switch (capability) {
            case "elicitation.form" -> {
                JsonNode e = caps.get("elicitation");
                return e != null && e.isObject() && (e.has("form") || !e.has("url"));
            }
            case "elicitation.url" -> {
                JsonNode e = caps.get("elicitation");
                return e != null && e.isObject() && e.has("url");
            }
            case "sampling.tools" -> {
                JsonNode s = caps.get("sampling");
                return s != null && s.isObject() && s.has("tools");
            }
            default -> {
                JsonNode n = caps.get(capability);
                return n != null && n.isObject();
            }
        }
    }
}
