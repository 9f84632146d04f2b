package dev.jmcp.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a prompt; register its object with {@link McpServer.Builder#handlers(Object)}. Parameters are the
 * prompt's arguments (strings on the wire, converted to the parameter's type: {@code String}, numbers, booleans,
 * enums, {@code UUID}, {@code java.time}..., or {@code Optional} of one) except the injected ones (as for {@link
 * McpTool}, with {@link PromptRequest}). Returns a {@link dev.jmcp.core.protocol.prompts.GetPromptResult}, a list
 * of or one {@link dev.jmcp.core.protocol.prompts.PromptMessage}, a {@link String} or a {@link
 * dev.jmcp.core.protocol.content.ContentBlock} (one user message), or a {@link java.util.concurrent.CompletionStage}
 * of those.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpPrompt {
    /**
     * The prompt's name; default the method's name.
     *
     * @return the prompt's name; default the method's name
     */
    String name() default "";

    /**
     * A human-readable title; default none.
     *
     * @return a human-readable title; default none
     */
    String title() default "";

    /**
     * The description; default the method's {@link Description}, else none.
     *
     * @return the description; default the method's {@link Description}, else none
     */
    String description() default "";

    /**
     * Icon sources; default none.
     *
     * @return icon sources; default none
     */
    String[] icons() default {};

    /**
     * The prompt's {@code _meta}, a JSON object; default none.
     *
     * @return the prompt's {@code _meta}, a JSON object; default none
     */
    String meta() default "";
}
