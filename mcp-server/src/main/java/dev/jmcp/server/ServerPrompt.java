package dev.jmcp.server;

import dev.jmcp.core.protocol.prompts.Prompt;
import java.util.Objects;

/**
 * A prompt with its handler and an optional completion handler for its arguments.
 *
 * @param prompt the definition listed by {@code prompts/list}
 * @param handler renders it
 * @param completion completes argument values, or null
 */
public record ServerPrompt(Prompt prompt, PromptHandler handler, CompletionHandler completion) {
    /**
     * Checks the prompt and handler are present.
     *
     * @param prompt the definition listed by {@code prompts/list}
     * @param handler renders it
     * @param completion completes argument values, or null
     */
    public ServerPrompt {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * A prompt without completion.
     *
     * @param prompt the prompt
     * @param handler the handler that renders the prompt
     */
    public ServerPrompt(Prompt prompt, PromptHandler handler) {
        this(prompt, handler, null);
    }
}
