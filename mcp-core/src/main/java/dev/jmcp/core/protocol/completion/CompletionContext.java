package dev.jmcp.core.protocol.completion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extra completion context.
 *
 * @param arguments already-resolved arguments, null when absent
 */
public record CompletionContext(Map<String, String> arguments) {
    /** Creates the value. */
    public CompletionContext {
        arguments = arguments == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
