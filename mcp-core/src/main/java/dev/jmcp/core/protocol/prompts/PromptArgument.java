package dev.jmcp.core.protocol.prompts;

import java.util.Objects;

/**
 * An argument a prompt accepts.
 *
 * @param name the argument name
 * @param title display name, null when absent
 * @param description description, null when absent
 * @param required whether it must be given, null when absent
 */
public record PromptArgument(String name, String title, String description, Boolean required) {
    /** Creates the value; {@code name} is required. */
    public PromptArgument {
        Objects.requireNonNull(name, "name");
    }

    /** An argument with a name, a description and whether it is required. */
    public static PromptArgument of(String name, String description, boolean required) {
        return new PromptArgument(name, null, description, required);
    }
}
