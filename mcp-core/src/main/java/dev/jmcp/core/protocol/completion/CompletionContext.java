package dev.jmcp.core.protocol.completion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extra completion context.
 *
 * @param arguments the values of the arguments already resolved, by argument name, null when absent
 */
public record CompletionContext(Map<String, String> arguments) {
    /**
     * Creates the value.
     *
     * @param arguments the values of the arguments already resolved, by argument name, null when absent
     */
    public CompletionContext {
        arguments = arguments == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
