package dev.jmcp.core;

/** JSON-RPC and MCP error codes as named constants. */
public final class ErrorCodes {
    private ErrorCodes() {}

    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON is not a valid JSON-RPC request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal JSON-RPC error. */
    public static final int INTERNAL_ERROR = -32603;

    /** The connection closed before the answer came (TypeScript SDK convention, not in the spec). */
    public static final int CONNECTION_CLOSED = -32000;
    /** The request timed out (TypeScript SDK convention, not in the spec). */
    public static final int REQUEST_TIMEOUT = -32001;
    /**
     * jmcp: a concurrency limit was reached (too many requests in flight on one session, or no free handler slot
     * within the server's wait); nothing was run, the caller may retry later. Not in the spec.
     */
    public static final int SERVER_BUSY = -32010;
    /** A resource was not found (2024-11-05 to 2025-11-25; 2026-07-28 uses {@link #INVALID_PARAMS}). */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** URL-mode elicitation is required before the request can go on (2025-11-25). */
    public static final int URL_ELICITATION_REQUIRED = -32042;

    /** 2026-07-28: the {@code Mcp-Method}/{@code Mcp-Name} headers disagree with the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request needs a client capability the client did not declare. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28: the requested protocol version is not supported; data carries {@code supported, requested}. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    /**
     * Whether the code lies in the range JSON-RPC reserves for server implementation errors.
     *
     * @param code a JSON-RPC error code
     * @return {@code true} if the code lies in the range JSON-RPC reserves for server implementation errors
     */
    public static boolean isServerErrorRange(int code) {
        return code >= -32099 && code <= -32000;
    }
}
