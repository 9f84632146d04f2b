package com.example.jmcp.client;

import dev.jmcp.core.McpJson;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** Parses {@code --args} values. */
final class Arguments {
    private Arguments() {}

    static JsonNode parseObject(String json, CommandLine cmd) {
        JsonNode node;
        try {
            node = McpJson.parse(json);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(cmd, "--args is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new CommandLine.ParameterException(cmd, "--args must be a JSON object");
        }
        return node;
    }

    /** Prompt arguments are strings: other JSON values are passed as their JSON text. */
    static Map<String, String> stringMap(String json, CommandLine cmd) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : parseObject(json, cmd).properties()) {
            out.put(
                    e.getKey(),
                    e.getValue().isString()
                            ? e.getValue().asString()
                            : e.getValue().toString());
        }
        return out;
    }
}
