package com.example.jmcp.server;

import dev.jmcp.core.McpJson;
import tools.jackson.databind.JsonNode;

/** Tiny JSON helpers so schemas read like the JSON they are. */
final class Json {
    private Json() {}

    /** Parses JSON text (schemas in the examples are written as text blocks). */
    static JsonNode parse(String json) {
        return McpJson.parse(json);
    }

    /** Binds JSON text to a protocol type, e.g. an elicitation request. */
    static <T> T as(String json, Class<T> type) {
        return McpJson.fromTree(McpJson.parse(json), type);
    }

    /** The empty object schema of a tool without arguments. */
    static JsonNode noArguments() {
        return parse("{\"type\":\"object\",\"properties\":{}}");
    }
}
