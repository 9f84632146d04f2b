package dev.jmcp.server.internal;

import dev.jmcp.core.ProtocolVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adapts listed definitions and content blocks to the client's revision: removes the members an older revision does not define, so
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
        } else {
            StructuredOutput.projectSchema(tool, v);
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

    /**
     * Content blocks (of a tool result or a prompt message) for a peer of revision {@code v}: a block type newer
     * than the peer becomes a text block that says what it was ({@code audio} before 2025-03-26, {@code
     * resource_link} before 2025-06-18), and members it does not define are removed ({@code icons} before
     * 2025-11-25, {@code _meta} and {@code annotations.lastModified} before 2025-06-18). Works in place.
     */
    static void contentBlocks(ArrayNode blocks, ProtocolVersion v) {
        if (v.hasIcons()) {
            return; // 2025-11-25 and 2026-07-28 define every block and member
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            if (b.isObject()) {
                blocks.set(i, contentBlock((ObjectNode) b, v));
            }
        }
    }

    /** One content block for a peer of revision {@code v}: itself (trimmed) or a text block replacing it. */
    static ObjectNode contentBlock(ObjectNode block, ProtocolVersion v) {
        String type = block.path("type").asString("");
        if ("audio".equals(type) && !v.atLeast(ProtocolVersion.V2025_03_26)) {
            return text("[audio content (" + block.path("mimeType").asString("unknown type")
                    + ") omitted: it needs protocol 2025-03-26 or later]");
        }
        if ("resource_link".equals(type) && !v.atLeast(ProtocolVersion.V2025_06_18)) {
            String name = block.path("title").asString(block.path("name").asString(""));
            return text("[resource link] " + (name.isEmpty() ? "" : name + ": ")
                    + block.path("uri").asString(""));
        }
        if (!v.hasIcons()) {
            block.remove("icons");
        }
        if (!v.hasDefinitionMeta()) {
            block.remove("_meta");
        }
        JsonNode annotations = block.get("annotations");
        if (!v.hasTitles() && annotations != null && annotations.isObject()) {
            ((ObjectNode) annotations).remove("lastModified");
        }
        return block;
    }

    private static ObjectNode text(String text) {
        ObjectNode t = dev.jmcp.core.McpJson.object();
        t.put("type", "text");
        t.put("text", text);
        return t;
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
