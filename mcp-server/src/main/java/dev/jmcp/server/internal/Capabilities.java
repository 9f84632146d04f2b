package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.errors.MissingClientCapabilityData;
import java.util.Map;
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
            case "sampling.context" -> {
                JsonNode s = caps.get("sampling");
                return s != null && s.isObject() && s.has("context");
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

    /** The -32021 error with the given {@code requiredCapabilities}. */
    static ProtocolError missing(ClientCapabilities requiredCapabilities, String message) {
        JsonNode data = McpJson.toTree(MissingClientCapabilityData.of(requiredCapabilities));
        return new ProtocolError(new JsonRpcError(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, message, data));
    }

    /**
     * The client capabilities that declare {@code capability}, one of the dotted names input calls need:
     * {@code roots}, {@code sampling}, {@code sampling.tools}, {@code elicitation.form}, {@code elicitation.url}.
     */
    static ClientCapabilities requiredCapabilities(String capability) {
        ClientCapabilities.Builder b = ClientCapabilities.builder();
        switch (capability) {
            case "roots" -> b.roots(false);
            case "sampling" -> b.sampling();
            case "sampling.tools" -> b.sampling(ClientCapabilities.SamplingFeature.TOOLS);
            case "sampling.context" -> b.sampling(ClientCapabilities.SamplingFeature.CONTEXT);
            case "elicitation.form" -> b.elicitation(ClientCapabilities.ElicitationMode.FORM);
            case "elicitation.url" -> b.elicitation(ClientCapabilities.ElicitationMode.URL);
            default -> throw new IllegalArgumentException("unknown client capability: " + capability);
        }
        return b.build();
    }

    /** The client capabilities that declare the 2026-07-28 tasks extension. */
    static ClientCapabilities tasksExtension() {
        return ClientCapabilities.builder()
                .extensions(Map.of(Tasks.EXTENSION, McpJson.object()))
                .build();
    }
}
