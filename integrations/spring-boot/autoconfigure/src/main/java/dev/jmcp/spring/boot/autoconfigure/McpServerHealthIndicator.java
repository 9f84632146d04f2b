package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the MCP server: its live sessions and limits. {@code OUT_OF_SERVICE} when the HTTP endpoint holds as
 * many sessions as {@code jmcp.server.limits.max-sessions} allows (new clients are refused), else {@code UP}.
 */
public final class McpServerHealthIndicator implements HealthIndicator {
    private final McpServer server;
    private final McpHttpServlet servlet;
    private final McpServerProperties properties;

    /**
     * An indicator for {@code server}, served by {@code servlet} (null on stdio).
     *
     * @param server the server to report on
     * @param servlet the servlet serving it, or null on stdio
     * @param properties the {@code jmcp.server.*} properties
     */
    public McpServerHealthIndicator(McpServer server, McpHttpServlet servlet, McpServerProperties properties) {
        this.server = Objects.requireNonNull(server, "server");
        this.servlet = servlet;
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public Health health() {
        McpServerProperties.Limits limits = properties.getLimits();
        int sessions = server.sessions().size();
        Health.Builder health = Health.up()
                .withDetail(
                        "transport",
                        servlet != null
                                ? "servlet"
                                : properties.getTransport().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("sessions", sessions)
                .withDetail("maxConcurrentHandlers", limits.getMaxConcurrentHandlers())
                .withDetail("maxConcurrentRequestsPerSession", limits.getMaxConcurrentRequestsPerSession());
        if (servlet != null) {
            int httpSessions = servlet.sessionCount();
            health.withDetail("path", properties.getPath())
                    .withDetail("stateless", properties.isStateless())
                    .withDetail("httpSessions", httpSessions)
                    .withDetail("legacySessions", servlet.legacySessionCount())
                    .withDetail("maxSessions", limits.getMaxSessions());
            if (httpSessions >= limits.getMaxSessions()) {
                health.status(Status.OUT_OF_SERVICE).withDetail("reason", "session limit reached");
            }
        }
        return health.build();
    }
}
