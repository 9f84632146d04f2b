package dev.jmcp.server;

import dev.jmcp.core.McpJson;
import tools.jackson.databind.JsonNode;

/**
 * A {@code tools/call} as a handler sees it.
 *
 * @param name the tool's name
 * @param arguments the validated arguments (an empty object when the client sent none)
 * @param meta the request's {@code _meta} (an empty object when absent)
 */
public record ToolRequest(String name, JsonNode arguments, JsonNode meta) {
    /**
     * Binds the arguments to a type (a record, a map...).
     *
     * @param type the class to bind the arguments to
     * @param <T> the type to bind the arguments to
     * @return the arguments as a {@code T}
     */
    public <T> T argumentsAs(Class<T> type) {
        return McpJson.fromTree(arguments, type);
    }

    /**
     * A string argument, or null when absent or not a string.
     *
     * @param name the argument's name
     * @return a string argument, or null when absent or not a string
     */
    public String stringArgument(String name) {
        JsonNode n = arguments.get(name);
        return n != null && n.isString() ? n.asString() : null;
    }
}
