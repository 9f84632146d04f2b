package dev.jmcp.server.internal;

import dev.jmcp.core.ProtocolVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adapts listed definitions to the client's revision: removes the members an older revision does not define, so
 * strict clients of that revision accept them. Works on the serialized JSON (a fresh tree per listing).
 */
final class Definitions {
    private Definitions() {}

    /** A {@code Tool}: title, annotations (2025-03-26), outputSchema, _meta, icons, execution. */
    static ObjectNode tool(ObjectNode tool, ProtocolVersion v) {
        common(tool, v);
        if (!v.hasToolAnnotations()) {
            tool.remove("annotations");
        }
        if (!v.hasOutputSchema()) {
            tool.remove("outputSchema");
        }
        if (!v.hasToolExecution()) {
            tool.remove("execution");
        }
        return tool;
    }

    /** A {@code Prompt} and its arguments' titles. */
    static ObjectNode prompt(ObjectNode prompt, ProtocolVersion v) {
        common(prompt, v);
        if (!v.hasTitles()) {
            for (JsonNode arg : prompt.path("arguments")) {
                if (arg.isObject()) {
                    ((ObjectNode) arg).remove("title");
                }
            }
        }
        return prompt;
    }

    /** A {@code Resource} or {@code ResourceTemplate}; {@code annotations.lastModified} is 2025-06-18. */
    static ObjectNode resource(ObjectNode resource, ProtocolVersion v) {
        common(resource, v);
        JsonNode annotations = resource.get("annotations");
        if (!v.hasTitles() && annotations != null && annotations.isObject()) {
            ((ObjectNode) annotations).remove("lastModified");
        }
        return resource;
    }

    private static void common(ObjectNode def, ProtocolVersion v) {
        if (!v.hasTitles()) {
            def.remove("title");
        }
        if (!v.hasDefinitionMeta()) {
            def.remove("_meta");
        }
        if (!v.hasIcons()) {
            def.remove("icons");
        }
    }
}
