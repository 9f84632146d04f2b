package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.client.McpClient;
import dev.jmcp.spring.boot.autoconfigure.internal.ClientBeanRegistrar;
import java.util.ArrayList;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * MCP clients from properties: every {@code jmcp.client.connections.<name>} (an HTTP {@code url} with {@code
 * headers}, or a stdio {@code command}) becomes a lazy {@link McpClient} bean called {@code <name>}, connected
 * when first injected or looked up and closed with the context, plus the {@link McpClients} registry.
 */
@AutoConfiguration
@ConditionalOnClass(McpClient.class)
@ConditionalOnProperty(prefix = "jmcp.client", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpClientProperties.class)
public class McpClientAutoConfiguration {

    /** Created by Spring. */
    public McpClientAutoConfiguration() {}

    /**
     * Registers one lazy client bean per configured connection.
     *
     * @param environment the environment
     * @return the registrar of the client beans
     */
    @Bean
    public static ClientBeanRegistrar mcpClientBeanRegistrar(Environment environment) {
        return new ClientBeanRegistrar(environment);
    }

    /**
     * The clients by name.
     *
     * @param properties the {@code jmcp.client.*} properties
     * @param beanFactory the bean factory
     * @return the clients by name
     */
    @Bean
    public McpClients mcpClients(McpClientProperties properties, BeanFactory beanFactory) {
        return new McpClients(new ArrayList<>(properties.getConnections().keySet()), beanFactory);
    }
}
