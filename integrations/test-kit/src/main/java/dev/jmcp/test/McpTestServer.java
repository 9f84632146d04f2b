package dev.jmcp.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static, parameterless method of an {@link McpTest} class that makes the server: it returns either an
 * {@code McpServer}, or an object with annotated handler methods ({@code @McpTool} and the others), which is
 * served by a server named {@code "test-server"}. Exactly one such method per class (inherited ones count). An
 * instance method (with {@code @TestInstance(PER_CLASS)}) may return a server injected into the test instance, e.g.
 * by Spring's extension.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpTestServer {
    /**
     * Whether the kit closes a returned {@code McpServer} after the class (default true). False for a server owned
     * elsewhere, such as a Spring bean from a cached application context: the kit then closes only its clients,
     * their sessions and its HTTP server. A server the kit built around handler objects is always closed.
     *
     * @return whether the kit closes a returned {@code McpServer} after the class (default true)
     */
    boolean closeAfterClass() default true;
}
