package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MCP metrics when Micrometer is present (Spring Boot's actuator brings it) and a {@link MeterRegistry} bean exists:
 * {@link McpServerMetrics} is added to the auto-configured server as its interceptor, so {@value
 * McpServerMetrics#OPERATION_DURATION} and {@value McpServerMetrics#SESSION_DURATION} appear in {@code
 * /actuator/metrics} and every export, and {@link McpClientMetrics} to every client bean ({@value
 * McpClientMetrics#OPERATION_DURATION}). {@code jmcp.server.metrics.enabled=false} and {@code
 * jmcp.client.metrics.enabled=false} turn them off. A user {@link McpServer} bean gets them by adding the {@link
 * McpServerMetrics} bean to its builder.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class McpMetricsAutoConfiguration {

    /** Created by Spring. */
    public McpMetricsAutoConfiguration() {}

    /** The server's metrics. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(McpServer.class)
    @ConditionalOnProperty(prefix = "jmcp.server.metrics", name = "enabled", matchIfMissing = true)
    public static class ServerMetricsConfiguration {
        /** Created by Spring. */
        public ServerMetricsConfiguration() {}

        /**
         * The interceptor recording the server's metrics.
         *
         * @param registry the Micrometer registry the meters are registered in
         * @return the interceptor recording the server's metrics
         */
        @Bean
        @ConditionalOnMissingBean
        public McpServerMetrics mcpServerMetrics(MeterRegistry registry) {
            return new McpServerMetrics(registry);
        }

        /**
         * Adds the metrics interceptor to the auto-configured server.
         *
         * @param metrics the metrics
         * @return the customizer adding the metrics interceptor
         */
        @Bean
        public McpServerCustomizer mcpServerMetricsCustomizer(McpServerMetrics metrics) {
            return builder -> builder.interceptor(metrics);
        }
    }

    /** The client beans' metrics. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(McpClient.class)
    @ConditionalOnProperty(prefix = "jmcp.client.metrics", name = "enabled", matchIfMissing = true)
    public static class ClientMetricsConfiguration {
        /** Created by Spring. */
        public ClientMetricsConfiguration() {}

        /**
         * The interceptor recording the clients' metrics.
         *
         * @param registry the Micrometer registry the meters are registered in
         * @return the interceptor recording the clients' metrics
         */
        @Bean
        @ConditionalOnMissingBean
        public McpClientMetrics mcpClientMetrics(MeterRegistry registry) {
            return new McpClientMetrics(registry);
        }

        /**
         * Adds the metrics interceptor to every client bean.
         *
         * @param metrics the metrics
         * @return the customizer adding the metrics interceptor
         */
        @Bean
        public McpClientCustomizer mcpClientMetricsCustomizer(McpClientMetrics metrics) {
            return (name, builder) -> builder.interceptor(metrics);
        }
    }
}
