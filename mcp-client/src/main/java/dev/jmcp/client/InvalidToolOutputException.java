package dev.jmcp.client;

import dev.jmcp.core.McpException;

/** A tool result's {@code structuredContent} is missing or does not match the tool's {@code outputSchema}. */
public class InvalidToolOutputException extends McpException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a description of the mismatch.
     *
     * @param message the detail message
     */
    public InvalidToolOutputException(String message) {
        super(message);
    }
}
