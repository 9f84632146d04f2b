/**
 * Implementation of the servlet transport; not API. {@code McpHttpServlet} keeps an immutable {@link
 * dev.jmcp.transport.http.servlet.internal.EndpointConfig} and routes each request to the {@link
 * dev.jmcp.transport.http.servlet.internal.StreamableEndpoint} (a POST passes the {@code admission} pipeline, then
 * goes to a {@link dev.jmcp.transport.http.servlet.internal.StatelessExchange} or a session's {@link
 * dev.jmcp.transport.http.servlet.internal.ServerTransport}) or to the {@link
 * dev.jmcp.transport.http.servlet.internal.LegacySseEndpoint}. The {@link
 * dev.jmcp.transport.http.servlet.internal.SessionRegistry} holds the live connections and their housekeeping; a
 * session's streams are {@code ResponseStream}s whose events a {@code StreamJournal} keeps for resumption.
 */
package dev.jmcp.transport.http.servlet.internal;
