/**
 * Annotated handlers ({@code @McpTool}, {@code @McpPrompt}, {@code @McpResource}, {@code @McpCompletion}): scanned
 * once into method handles and argument binders, checked when the server is built. Not public API: use {@link
 * dev.jmcp.server.AnnotatedHandlers} or {@link dev.jmcp.server.McpServer.Builder#handlers(Object)}.
 */
package dev.jmcp.server.internal.annotated;
