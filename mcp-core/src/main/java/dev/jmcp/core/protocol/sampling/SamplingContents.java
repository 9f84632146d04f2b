package dev.jmcp.core.protocol.sampling;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.SamplingContent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads and writes the {@code content} of sampling messages, which is one block or an array of blocks. */
final class SamplingContents {
    private SamplingContents() {}

    static List<SamplingContent> read(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw new IllegalArgumentException("sampling message content is required");
        }
        if (content.isArray()) {
            List<SamplingContent> blocks = new ArrayList<>(content.size());
            for (JsonNode block : content) {
                blocks.add(McpJson.mapper().treeToValue(block, SamplingContent.class));
            }
            return blocks;
        }
        return List.of(McpJson.mapper().treeToValue(content, SamplingContent.class));
    }

    static Role role(JsonNode node) {
        String role = string(node, "role");
        if (role == null) {
            throw new IllegalArgumentException("sampling message role is required");
        }
        return Role.fromWire(role);
    }

    static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.stringValue();
    }

    static JsonNode meta(JsonNode node) {
        JsonNode meta = node.get("_meta");
        return meta == null || meta.isNull() ? null : meta;
    }

    static Object write(List<SamplingContent> content, boolean single) {
        return single && content.size() == 1 ? content.get(0) : content;
    }

    static List<SamplingContent> check(List<SamplingContent> content, boolean single) {
        List<SamplingContent> copy = List.copyOf(content);
        if (single && copy.size() != 1) {
            throw new IllegalArgumentException("a single-block content needs exactly one block, got " + copy.size());
        }
        return copy;
    }
}
