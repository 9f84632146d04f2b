/**
 * The transport SPI: a {@link dev.jmcp.core.transport.Transport} carries JSON-RPC messages between two peers and
 * hands what it reads to a {@link dev.jmcp.core.transport.TransportListener}. Implementations live in the
 * {@code mcp-transport-*} modules; {@link dev.jmcp.core.testing.InMemoryTransport} links two peers in one JVM.
 */
package dev.jmcp.core.transport;
