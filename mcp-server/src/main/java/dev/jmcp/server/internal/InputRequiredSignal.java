package dev.jmcp.server.internal;

import dev.jmcp.core.McpException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thrown inside a 2026-07-28 handler by its first unanswered input call: unwinds the handler so the server can
 * answer {@code input_required}. Handlers should not catch it; if one does, the server notices anyway.
 */
public final class InputRequiredSignal extends McpException {
    private static final long serialVersionUID = 1L;

    /** The {@code input_required} result to send. */
    private final transient ObjectNode result;

    InputRequiredSignal(ObjectNode result) {
        super("input required from the client");
        this.result = result;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The {@code input_required} result. */
    public ObjectNode result() {
        return result;
    }
}
