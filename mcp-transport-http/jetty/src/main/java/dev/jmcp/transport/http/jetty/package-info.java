/** {@link dev.jmcp.transport.http.jetty.McpHttpServer}: the MCP servlet on embedded Jetty 12 in one line. */
package dev.jmcp.transport.http.jetty;
