package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.transport.http.servlet.McpHttpServlet;

/**
 * Adjusts the {@link McpHttpServlet.Builder} the starter prepared from the properties (for example to add
 * resource-server authorization or an event store), before the servlet is built. Every customizer bean is
 * applied, in {@code @Order}; a user {@code McpHttpServlet} bean replaces the starter's servlet.
 */
@FunctionalInterface
public interface McpHttpServletCustomizer {
    /**
     * Adjusts {@code builder}.
     *
     * @param builder the auto-configured servlet's builder, before {@code build()}
     */
    void customize(McpHttpServlet.Builder builder);
}
