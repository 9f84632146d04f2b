package dev.jmcp.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static, parameterless method of an {@link McpTest} class that makes the server: it returns either an
 * {@code McpServer}, or an object with annotated handler methods ({@code @McpTool} and the others), which is
 * served by a server named {@code "test-server"}. Exactly one such method per class (inherited ones count).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpTestServer {}
