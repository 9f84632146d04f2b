/** The {@code data} payloads of the MCP-defined JSON-RPC errors. Codes live in {@link dev.jmcp.core.ErrorCodes}. */
package dev.jmcp.core.protocol.errors;
