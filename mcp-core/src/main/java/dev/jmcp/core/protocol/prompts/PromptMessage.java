package dev.jmcp.core.protocol.prompts;

import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.ContentBlock;
import java.util.Objects;

/**
 * A message of a prompt.
 *
 * @param role the sender
 * @param content the content
 */
public record PromptMessage(Role role, ContentBlock content) {
    /** Creates the value; {@code role}, {@code content} are required. */
    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** A message with the given role and content. */
    public static PromptMessage of(Role role, ContentBlock content) {
        return new PromptMessage(role, content);
    }
}
