/**
 * The stdio transport: {@link dev.jmcp.transport.stdio.StdioClientTransport} launches an MCP server process and
 * talks to it over its stdin and stdout; {@link dev.jmcp.transport.stdio.StdioServerTransport} and {@link
 * dev.jmcp.transport.stdio.StdioServer} serve an MCP server on this process's own {@code System.in} and {@code
 * System.out}. One JSON-RPC message per line, UTF-8, no embedded newlines; stderr is for logs.
 */
package dev.jmcp.transport.stdio;
