package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.server.McpServer;

/**
 * Adjusts the {@link McpServer.Builder} the starter prepared from the properties and the handler beans, before
 * the server is built. Every customizer bean is applied, in {@code @Order}; a user {@code McpServer} bean
 * replaces the starter's server altogether.
 */
@FunctionalInterface
public interface McpServerCustomizer {
    /**
     * Adjusts {@code builder}.
     *
     * @param builder the auto-configured server's builder, before {@code build()}
     */
    void customize(McpServer.Builder builder);
}
