package dev.jmcp.core.transport;

import java.util.concurrent.CompletableFuture;

/** One connection a {@link ServerConnector} serves; the transport that carries it closes it when it ends. */
public interface ServerConnection extends AutoCloseable {

    /**
     * Completes when the connection has closed.
     *
     * @return a future completed when the connection has closed
     */
    CompletableFuture<Void> closeFuture();

    /** Closes the connection and its transport; in-flight handlers see cancellation. Idempotent. */
    @Override
    void close();

    /**
     * The client ended the session (HTTP {@code DELETE}): closes it like {@link #close()} and also forgets it in
     * every shared store, so that no instance can resume it. {@link #close()} alone only releases this instance's
     * copy (idle expiry, shutdown), which a scaled-out deployment may resume elsewhere. The default closes.
     */
    default void terminate() {
        close();
    }
}
