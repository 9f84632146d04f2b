package dev.jmcp.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a resource (a fixed URI) or a resource template (an RFC 6570 URI template, whose variables are the
 * method's parameters, converted as for {@link McpPrompt}); register its object with {@link
 * McpServer.Builder#handlers(Object)}. Injected parameters as for {@link McpTool}, with {@link ResourceRequest}.
 * Returns a {@link dev.jmcp.core.protocol.resources.ReadResourceResult}, one or a list of {@link
 * dev.jmcp.core.protocol.resources.ResourceContents}, a {@link String} (text contents), a {@code byte[]} (blob
 * contents), another value (its JSON text), null (the resource is not found), or a {@link
 * java.util.concurrent.CompletionStage} of those.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpResource {
    /**
     * The URI, or an RFC 6570 URI template (with {@code {variables}}).
     *
     * @return the URI, or an RFC 6570 URI template (with {@code {variables}})
     */
    String uri();

    /**
     * The resource's name; default the method's name.
     *
     * @return the resource's name; default the method's name
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
     * The MIME type of the contents; default none.
     *
     * @return the MIME type of the contents; default none
     */
    String mimeType() default "";

    /**
     * Icon sources; default none.
     *
     * @return icon sources; default none
     */
    String[] icons() default {};

    /**
     * The resource's {@code _meta}, a JSON object; default none.
     *
     * @return the resource's {@code _meta}, a JSON object; default none
     */
    String meta() default "";
}
