package dev.jmcp.core.session;

/**
 * A request handler that may answer some requests on the thread that delivered them (a transport's reader or
 * request thread) instead of handing them to the handler executor: one thread hand-off less per request, which
 * is most of the cost of a cheap request such as {@code ping}.
 *
 * <p>Only for requests whose handling is cheap, never blocks and runs no application code: the delivering thread
 * reads nothing else while it runs. A request handled inline cannot be interrupted by a cancellation (it is
 * answered before the next message is read).
 */
public interface InlineRequestHandler extends RequestHandler {
    /**
     * Whether {@code request} may be handled on the delivering thread; otherwise it goes to the handler executor.
     *
     * @param request the request about to be handled
     * @return true to handle it inline
     */
    boolean inline(InboundRequest request);
}
