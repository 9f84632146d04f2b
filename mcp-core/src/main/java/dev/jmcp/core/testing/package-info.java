/**
 * Test support that ships with the library: {@link dev.jmcp.core.testing.InMemoryTransport} links a client and a
 * server in one JVM so applications can test their own MCP servers and clients without sockets.
 */
package dev.jmcp.core.testing;
