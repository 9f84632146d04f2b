/**
 * MCP Apps ({@code io.modelcontextprotocol/ui}, SEP-1865, revision 2026-01-26): the metadata that links a tool to
 * an interactive HTML view served as a {@code ui://} resource, the view's security metadata (CSP domains, sandbox
 * permissions, a dedicated origin), and the helpers both sides use to read and write it.
 */
package dev.jmcp.core.protocol.apps;
