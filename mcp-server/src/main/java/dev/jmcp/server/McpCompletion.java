package dev.jmcp.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method complete one argument of an {@link McpPrompt} or one variable of an {@link McpResource} template
 * of the same object ({@code completion/complete}). Its one {@link String} parameter receives what the user typed so
 * far; {@link CompletionRequest} (with the other arguments already chosen) and the injections of {@link McpTool}
 * may be added. Returns a {@code List<String>}, a {@code String[]}, a {@link
 * dev.jmcp.core.protocol.completion.Completion}, or a {@link java.util.concurrent.CompletionStage} of those.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpCompletion {
    /**
     * The prompt's name (set this or {@link #resourceTemplate()}).
     *
     * @return the prompt's name (set this or {@link #resourceTemplate()})
     */
    String prompt() default "";

    /**
     * The resource template's URI template (set this or {@link #prompt()}).
     *
     * @return the resource template's URI template (set this or {@link #prompt()})
     */
    String resourceTemplate() default "";

    /**
     * The argument or template variable completed.
     *
     * @return the argument or template variable completed
     */
    String argument();
}
