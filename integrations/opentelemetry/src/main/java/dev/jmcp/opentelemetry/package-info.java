/**
 * OpenTelemetry instrumentation for jmcp servers and clients, by the OpenTelemetry semantic conventions for MCP
 * ({@code docs/gen-ai/mcp.md}): register {@link dev.jmcp.opentelemetry.McpServerTelemetry} with {@code
 * McpServer.Builder.interceptor} and {@link dev.jmcp.opentelemetry.McpClientTelemetry} with {@code
 * McpClientBuilder.interceptor}; {@link dev.jmcp.opentelemetry.McpLoggingContext} fills the SLF4J MDC while a
 * server handler runs. See {@code docs/observability.md}.
 */
package dev.jmcp.opentelemetry;
