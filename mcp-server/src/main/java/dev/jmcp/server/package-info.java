/**
 * The MCP server: {@link dev.jmcp.server.McpServer} serves tools, resources, prompts, completions, logging and
 * tasks to clients of every revision from 2024-11-05 to 2026-07-28 on one instance. Handlers are plain blocking
 * code; they get a {@link dev.jmcp.server.RequestContext} for progress, logging, cancellation and user input.
 */
package dev.jmcp.server;
