/** The Streamable HTTP (and legacy HTTP+SSE) server transport as a Jakarta Servlet 6 servlet: {@link dev.jmcp.transport.http.servlet.McpHttpServlet}. Runs in any servlet container. */
package dev.jmcp.transport.http.servlet;
