package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health indicators when Spring Boot's health support (actuator) is present: {@code mcpServer} (sessions and
 * limits) and {@code mcpClients} (each connection connected or not). {@code management.health.mcp.enabled=false}
 * turns both off.
 */
@AutoConfiguration(after = {McpServerAutoConfiguration.class, McpClientAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("mcp")
public class McpHealthAutoConfiguration {

    /** Created by Spring. */
    public McpHealthAutoConfiguration() {}

    /** The server's indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(McpServer.class)
    @ConditionalOnBean({McpServer.class, McpServerProperties.class})
    public static class ServerHealthConfiguration {
        /** Created by Spring. */
        public ServerHealthConfiguration() {}

        /**
         * Sessions and limits of the server.
         *
         * @param server the auto-configured server
         * @param servlet the MCP servlet, when the server is served over HTTP
         * @param properties the {@code jmcp.server.*} properties
         * @return sessions and limits of the server
         */
        @Bean
        @ConditionalOnMissingBean(name = "mcpServerHealthIndicator")
        public McpServerHealthIndicator mcpServerHealthIndicator(
                McpServer server, ObjectProvider<McpHttpServlet> servlet, McpServerProperties properties) {
            return new McpServerHealthIndicator(server, servlet.getIfAvailable(), properties);
        }
    }

    /** The clients' indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(McpClients.class)
    public static class ClientHealthConfiguration {
        /** Created by Spring. */
        public ClientHealthConfiguration() {}

        /**
         * Each connection connected or not.
         *
         * @param clients the configured clients
         * @return each connection connected or not
         */
        @Bean
        @ConditionalOnMissingBean(name = "mcpClientsHealthIndicator")
        public McpClientsHealthIndicator mcpClientsHealthIndicator(McpClients clients) {
            return new McpClientsHealthIndicator(clients);
        }
    }
}
