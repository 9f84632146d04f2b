package dev.jmcp.server;

/**
 * Where the handler of a stateless request (a stateless exchange, or a 2026-07-28 POST without a session) runs:
 * on the thread that received the request, or handed off to the server's executor. Requests on a session always
 * go to the executor, because a session delivers its messages in order and a handler running inline would hold
 * the next one back.
 */
public enum HandlerExecution {
    /**
     * The default: inline when the request arrives on a virtual thread (JDK 21+, e.g. {@code McpHttpServer}, which
     * serves requests on virtual threads there) and the application supplied no executor. On JDK 17 (no virtual
     * threads), inline on the container's request thread while fewer than {@code jmcp.inlineHandlerSlots} (system
     * property; default 64) handlers run that way, handed off beyond: slow handlers hold at most that many container
     * threads (size the container's pool well above it; {@code McpHttpServer}'s default is 200), never the container.
     * Handed off otherwise.
     */
    AUTO,
    /**
     * Always inline, also on a container's platform thread (the JDK 17 opt-in, like the official SDK's {@code
     * immediateExecution}): no hand-off and no thread switch per request, but a handler that blocks holds a
     * container thread for as long as it runs, so size the container's pool for the handlers' blocking.
     */
    INLINE,
    /** Always on the server's executor (see {@link McpServer.Builder#executor}). */
    HAND_OFF
}
