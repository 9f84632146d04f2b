package dev.jmcp.client;

import dev.jmcp.core.McpException;

/**
 * A call was refused before anything was sent: the server did not declare the capability it needs, or the
 * negotiated protocol revision has no such method (e.g. {@code ping} in 2026-07-28).
 */
public class MissingServerCapabilityException extends McpException {
    private static final long serialVersionUID = 1L;

    /** The MCP method that was not sent. */
    private final String method;

    /**
     * Creates the exception for {@code method} with the reason.
     *
     * @param method the MCP method that was not sent
     * @param reason the reason
     */
    public MissingServerCapabilityException(String method, String reason) {
        super(method + " refused: " + reason);
        this.method = method;
    }

    /**
     * The method that was refused.
     *
     * @return the method that was refused
     */
    public String method() {
        return method;
    }
}
