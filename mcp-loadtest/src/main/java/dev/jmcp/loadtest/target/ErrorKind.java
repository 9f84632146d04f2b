package dev.jmcp.loadtest.target;

/** How a step failed. */
public enum ErrorKind {
    /** The server answered with a JSON-RPC error; the detail is the code. */
    JSONRPC,
    /** The HTTP layer failed with a status; the detail is the status code. */
    HTTP,
    /** No answer within the step timeout. */
    TIMEOUT,
    /** The connection (socket, process) failed or closed, or a session could not be opened. */
    CONNECTION,
    /** A tool answered with {@code isError: true}. */
    TOOL_ERROR,
    /** An answer that violates the protocol (malformed, unexpected). */
    PROTOCOL,
    /** A successful answer that lacks a value the scenario extracts (a JSON pointer matched nothing). */
    VALIDATION
}
