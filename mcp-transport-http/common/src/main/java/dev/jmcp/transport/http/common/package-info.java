/** The JDK-only pieces both HTTP roles share: the MCP HTTP header names, OAuth metadata and errors. */
package dev.jmcp.transport.http.common;
