package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.server.McpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * MCP server metrics when Micrometer is present (Spring Boot's actuator brings it) and a {@link MeterRegistry} bean
 * exists: {@link McpServerMetrics} is added to the auto-configured server as its interceptor, so {@value
 * McpServerMetrics#OPERATION_DURATION} and {@value McpServerMetrics#SESSION_DURATION} appear in {@code
 * /actuator/metrics} and every export. {@code jmcp.server.metrics.enabled=false} turns them off. A user {@link
 * McpServer} bean gets them by adding the {@link McpServerMetrics} bean to its builder.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, McpServer.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "jmcp.server.metrics", name = "enabled", matchIfMissing = true)
public class McpMetricsAutoConfiguration {

    /** Created by Spring. */
    public McpMetricsAutoConfiguration() {}

    /** The interceptor recording the metrics. */
    @Bean
    @ConditionalOnMissingBean
    public McpServerMetrics mcpServerMetrics(MeterRegistry registry) {
        return new McpServerMetrics(registry);
    }

    /** Adds the metrics interceptor to the auto-configured server. */
    @Bean
    public McpServerCustomizer mcpServerMetricsCustomizer(McpServerMetrics metrics) {
        return builder -> builder.interceptor(metrics);
    }
}
