package dev.jmcp.server;

import java.util.Map;

/**
 * A {@code completion/complete} as a handler sees it.
 *
 * @param argumentName the argument or template variable being completed
 * @param value what the user typed so far
 * @param contextArguments values of other arguments already chosen (empty when none)
 */
public record CompletionRequest(String argumentName, String value, Map<String, String> contextArguments) {
    /**
     * Copies the context.
     *
     * @param argumentName the argument or template variable being completed
     * @param value what the user typed so far
     * @param contextArguments values of other arguments already chosen (empty when none)
     */
    public CompletionRequest {
        contextArguments = Map.copyOf(contextArguments);
    }
}
