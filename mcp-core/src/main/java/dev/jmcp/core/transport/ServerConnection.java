package dev.jmcp.core.transport;

import java.util.concurrent.CompletableFuture;

/** One connection a {@link ServerConnector} serves; the transport that carries it closes it when it ends. */
public interface ServerConnection extends AutoCloseable {

    /** Completes when the connection has closed. */
    CompletableFuture<Void> closeFuture();

    /** Closes the connection and its transport; in-flight handlers see cancellation. Idempotent. */
    @Override
    void close();
}
