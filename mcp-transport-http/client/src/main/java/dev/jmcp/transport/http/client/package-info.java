/** The Streamable HTTP (and legacy HTTP+SSE) client transport on {@code java.net.http}. */
package dev.jmcp.transport.http.client;
