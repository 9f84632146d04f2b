package dev.jmcp.server;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A {@code prompts/get} as a handler sees it.
 *
 * @param name the prompt's name
 * @param arguments the arguments (empty when none were sent)
 * @param meta the request's {@code _meta} (an empty object when absent)
 */
public record PromptRequest(String name, Map<String, String> arguments, JsonNode meta) {
    /**
     * Copies the arguments.
     *
     * @param name the prompt's name
     * @param arguments the arguments (empty when none were sent)
     * @param meta the request's {@code _meta} (an empty object when absent)
     */
    public PromptRequest {
        arguments = Map.copyOf(arguments);
    }
}
