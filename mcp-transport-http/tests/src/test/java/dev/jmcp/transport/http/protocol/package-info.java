/**
 * Protocol behaviours of the real server that the conformance suites do not cover (issue #13), driven over
 * Streamable HTTP on 127.0.0.1 in both eras: raw {@code java.net.http} exchanges ({@code Wire}) where the wire
 * shape matters, the jmcp client where a full peer must answer.
 */
package dev.jmcp.transport.http.protocol;
