/**
 * The MCP client: {@link dev.jmcp.client.McpClient} (blocking) and its {@link dev.jmcp.client.McpAsyncClient}
 * view ({@code CompletableFuture}s), the handlers an application registers for server-to-client requests
 * ({@link dev.jmcp.client.SamplingHandler}, {@link dev.jmcp.client.ElicitationHandler},
 * {@link dev.jmcp.client.RootsProvider}), the notification listeners, {@link dev.jmcp.client.Subscription}s
 * (2026-07-28 {@code subscriptions/listen} or handshake-era {@code resources/subscribe}), and the client's side of
 * tasks ({@link dev.jmcp.client.ClientTaskOptions}: the server runs sampling or elicitation as a task), and the
 * {@link dev.jmcp.client.ClientInterceptor} chain every request of a call passes through (metrics, tracing,
 * audit, client-side limits).
 */
package dev.jmcp.client;
