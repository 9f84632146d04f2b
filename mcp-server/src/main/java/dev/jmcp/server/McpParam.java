package dev.jmcp.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names and describes an argument of an {@link McpTool}, {@link McpPrompt} or {@link McpResource} method. Without
 * it, the argument is named after the parameter (compile with {@code -parameters}), described by its {@link
 * Description}, and required unless its type is an {@code Optional} or it is annotated {@code @Nullable}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface McpParam {
    /**
     * The argument's name; default the parameter's name.
     *
     * @return the argument's name; default the parameter's name
     */
    String name() default "";

    /**
     * The description; default the parameter's {@link Description}, else none.
     *
     * @return the description; default the parameter's {@link Description}, else none
     */
    String description() default "";

    /**
     * Whether the caller must send it; default true ({@code Optional} parameters are never required).
     *
     * @return whether the caller must send it; default true ({@code Optional} parameters are never required)
     */
    boolean required() default true;
}
