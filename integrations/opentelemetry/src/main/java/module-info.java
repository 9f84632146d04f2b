/**
 * OpenTelemetry for jmcp: {@code McpServerTelemetry} and {@code McpClientTelemetry} trace and measure MCP requests by
 * the OpenTelemetry MCP semantic conventions and carry W3C trace context in {@code params._meta};
 * {@code McpLoggingContext} puts the session id, request id and method into the SLF4J MDC.
 *
 * <p>Needs the OpenTelemetry API only; the server and client modules are optional (each side needs only its own).
 * Exports {@code dev.jmcp.opentelemetry} only.
 */
module dev.jmcp.opentelemetry {
    requires static dev.jmcp.server;
    requires static dev.jmcp.client;
    requires dev.jmcp.core;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;
    requires org.slf4j;

    exports dev.jmcp.opentelemetry;
}
