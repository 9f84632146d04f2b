package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.client.McpClientBuilder;

/**
 * Adjusts the {@link McpClientBuilder} of a named connection (handlers for sampling or elicitation, listeners,
 * interceptors) before the client is built. Every customizer bean is applied to every connection, in {@code
 * @Order}.
 */
@FunctionalInterface
public interface McpClientCustomizer {
    /**
     * Adjusts {@code builder} of the connection called {@code name}.
     *
     * @param name the client's name in the configuration
     * @param builder the builder of the client named {@code name}, before {@code build()}
     */
    void customize(String name, McpClientBuilder builder);
}
