package dev.jmcp.core;

import java.time.Duration;

/** A request got no answer within its timeout. The request has been cancelled at the peer. */
public class McpTimeoutException extends McpException {
    private static final long serialVersionUID = 1L;

    /** How long the request waited before it timed out. */
    private final Duration timeout;

    /**
     * Creates an exception for a request that waited {@code timeout}.
     *
     * @param message the detail message
     * @param timeout the timeout that elapsed
     */
    public McpTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /**
     * How long the request waited before it timed out.
     *
     * @return how long the request waited before it timed out
     */
    public Duration timeout() {
        return timeout;
    }
}
