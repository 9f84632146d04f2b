package dev.jmcp.core.protocol.prompts;

import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.ContentBlock;
import java.util.Objects;

/**
 * A message of a prompt.
 *
 * @param role who sends the message: {@code user} or {@code assistant}
 * @param content the message content: text, image, audio, a resource link or an embedded resource
 */
public record PromptMessage(Role role, ContentBlock content) {
    /**
     * Creates the value; {@code role}, {@code content} are required.
     *
     * @param role who sends the message: {@code user} or {@code assistant}
     * @param content the message content: text, image, audio, a resource link or an embedded resource
     */
    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A message with the given role and content.
     *
     * @param role who sends the message: {@code user} or {@code assistant}
     * @param content the message content
     * @return a message with the given role and content
     */
    public static PromptMessage of(Role role, ContentBlock content) {
        return new PromptMessage(role, content);
    }
}
