package dev.jmcp.core;

/** The transport failed: the connection closed, a process died, an HTTP exchange failed. Never crosses the wire. */
public class McpTransportException extends McpException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the detail message
     */
    public McpTransportException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying I/O or connection failure
     */
    public McpTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
