/**
 * Spring Boot auto-configuration for jmcp: an MCP server built from the application's handler beans, served by
 * the embedded servlet container or on stdio ({@link McpServerProperties}, {@code jmcp.server.*}), MCP client
 * beans from named connections ({@link McpClientProperties}, {@code jmcp.client.*}) and actuator health
 * indicators. See docs/spring-boot.md.
 */
package dev.jmcp.spring.boot.autoconfigure;
