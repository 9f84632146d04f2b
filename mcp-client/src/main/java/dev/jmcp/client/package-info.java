/**
 * The MCP client: {@link dev.jmcp.client.McpClient} (blocking) and its {@link dev.jmcp.client.McpAsyncClient}
 * view ({@code CompletableFuture}s), the handlers an application registers for server-to-client requests
 * ({@link dev.jmcp.client.SamplingHandler}, {@link dev.jmcp.client.ElicitationHandler},
 * {@link dev.jmcp.client.RootsProvider}) and the notification listeners.
 */
package dev.jmcp.client;
