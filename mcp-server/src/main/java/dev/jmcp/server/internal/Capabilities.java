package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * The -32021 MissingRequiredClientCapability error for {@code capability} (a name like {@code sampling} or a
     * dotted path like {@code elicitation.form}), with {@code data.requiredCapabilities} as a ClientCapabilities
     * object naming it, e.g. {@code {"sampling": {}}} or {@code {"elicitation": {"form": {}}}}.
     */
    static ProtocolError missing(String capability, String message) {
        return missing(requiredCapabilities(capability), message);
    }

    /** The -32021 error with the given {@code requiredCapabilities} object. */
    static ProtocolError missing(ObjectNode requiredCapabilities, String message) {
        ObjectNode data = McpJson.object();
        data.set("requiredCapabilities", requiredCapabilities);
        return new ProtocolError(new JsonRpcError(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, message, data));
    }

    /** A ClientCapabilities object that declares {@code capability} (a name or a dotted path). */
    static ObjectNode requiredCapabilities(String capability) {
        ObjectNode root = McpJson.object();
        ObjectNode at = root;
        for (String part : capability.split("\\.")) {
            at = at.putObject(part);
        }
        return root;
    }
}
