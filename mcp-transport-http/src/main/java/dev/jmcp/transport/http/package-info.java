/**
 * Streamable HTTP for MCP: {@link dev.jmcp.transport.http.McpHttpServlet} (any Jakarta Servlet 6 container),
 * {@link dev.jmcp.transport.http.McpHttpServer} (the servlet on embedded Jetty 12 in one line), and
 * {@link dev.jmcp.transport.http.StreamableHttpClientTransport} (a client {@link dev.jmcp.core.transport.Transport}
 * on {@code java.net.http}). Both sides also speak the legacy HTTP+SSE transport of 2024-11-05.
 */
package dev.jmcp.transport.http;
