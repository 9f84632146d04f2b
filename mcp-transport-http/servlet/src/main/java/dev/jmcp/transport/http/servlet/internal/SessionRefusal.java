package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.transport.http.servlet.internal.admission.Rejection;

/** Why a session (or a legacy connection) was not opened, and the HTTP answer the peer gets. */
public enum SessionRefusal {
    /** Every session slot of the endpoint is taken: 503. */
    SERVER_FULL(503, "Service Unavailable: too many sessions"),
    /** The caller holds as many sessions as it may: 429 (it may close one with DELETE, or wait for expiry). */
    CALLER_FULL(429, "Too Many Requests: too many sessions for this caller"),
    /** The endpoint was closed: 503, for good. */
    SHUT_DOWN(503, "Service Unavailable: the MCP endpoint is shut down"),
    /** The caller's credentials name no principal a session could be bound to: 403. */
    NAMELESS_CALLER(403, "Forbidden: the credentials name no principal to bind a session to");

    private final int status;
    private final String message;

    SessionRefusal(int status, String message) {
        this.status = status;
        this.message = message;
    }

    /** The answer, a JSON-RPC error responding to {@code id} (may be null). */
    public Rejection rejection(RequestId id) {
        int code = this == NAMELESS_CALLER ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INTERNAL_ERROR;
        return Rejection.of(status, id, code, message);
    }
}
