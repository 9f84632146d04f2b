package dev.jmcp.transport.http.common;

/** The HTTP header names of the MCP Streamable HTTP transport, shared by client and server. */
public final class McpHttpHeaders {
    /** The session id header. */
    public static final String SESSION_ID = "Mcp-Session-Id";
    /** The negotiated protocol revision header. */
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    /** The 2026-07-28 standard header naming the JSON-RPC method (SEP-2243). */
    public static final String METHOD = "Mcp-Method";
    /** The 2026-07-28 standard header naming the tool, prompt or resource (SEP-2243). */
    public static final String NAME = "Mcp-Name";
    /** The prefix of the 2026-07-28 mirrored tool parameter headers (SEP-2243). */
    public static final String PARAM_PREFIX = "Mcp-Param-";
    /** The SSE resumption header. */
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private McpHttpHeaders() {}
}
