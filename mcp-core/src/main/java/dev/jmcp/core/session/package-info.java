/**
 * The session engine shared by server and client: {@link dev.jmcp.core.session.McpSession} tracks outbound
 * requests (ids, timeouts, cancellation, progress) and dispatches inbound requests and notifications to
 * handlers on the handler executor.
 */
package dev.jmcp.core.session;
