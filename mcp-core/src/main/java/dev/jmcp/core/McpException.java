package dev.jmcp.core;

/**
 * The root of every exception jmcp throws. Unchecked: callers catch the subtypes they can act on.
 *
 * <ul>
 *   <li>{@link McpRpcException}: a JSON-RPC error that crossed, or will cross, the wire.
 *   <li>{@link McpTransportException}: the connection failed or closed.
 *   <li>{@link McpTimeoutException}: a request got no answer in time.
 *   <li>{@link dev.jmcp.core.jsonrpc.JsonRpcCodecException}: bytes that are not a valid message.
 * </ul>
 */
public class McpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the detail message
     */
    public McpException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying failure
     */
    public McpException(String message, Throwable cause) {
        super(message, cause);
    }
}
