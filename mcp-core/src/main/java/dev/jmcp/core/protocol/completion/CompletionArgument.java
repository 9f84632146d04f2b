package dev.jmcp.core.protocol.completion;

import java.util.Objects;

/**
 * The argument being completed.
 *
 * @param name the argument name
 * @param value the partial value typed so far
 */
public record CompletionArgument(String name, String value) {
    /**
     * Creates the value; {@code name}, {@code value} are required.
     *
     * @param name the argument name
     * @param value the partial value typed so far
     */
    public CompletionArgument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The argument with the given name and partial value.
     *
     * @param name the argument name
     * @param value the partial value typed so far
     * @return the argument with the given name and partial value
     */
    public static CompletionArgument of(String name, String value) {
        return new CompletionArgument(name, value);
    }
}
