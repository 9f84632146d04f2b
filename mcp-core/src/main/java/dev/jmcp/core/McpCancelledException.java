package dev.jmcp.core;

/**
 * A request was cancelled: by its caller, by the peer, or because the session closed. Handlers see it when
 * they check {@code ctx.checkCancelled()}; callers see it when they cancel a pending request.
 */
public class McpCancelledException extends McpException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the cancellation reason.
     *
     * @param reason why the request was cancelled, or null
     */
    public McpCancelledException(String reason) {
        super(reason);
    }
}
