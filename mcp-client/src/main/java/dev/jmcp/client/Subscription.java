package dev.jmcp.client;

import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import java.util.concurrent.CompletableFuture;

/**
 * An open subscription to server notifications, from {@link McpClient#subscribe}. The notifications go to the
 * client's listeners ({@link McpClientBuilder#onListChanged}, {@link McpClientBuilder#onResourceUpdated}) and
 * refresh the list cache.
 *
 * <p>2026-07-28: a long-lived {@code subscriptions/listen} request; {@link #close()} cancels it (over HTTP the
 * response stream is closed). Handshake era: {@code resources/subscribe} for each URI (list changes are delivered
 * anyway); {@link #close()} unsubscribes the URIs no other open subscription holds.
 */
public interface Subscription extends AutoCloseable {
    /**
     * What was asked for.
     *
     * @return what was asked for
     */
    SubscriptionFilter requested();

    /**
     * What the server agreed to send (2026-07-28: its acknowledgement; handshake era: its capabilities).
     *
     * @return what the server agreed to send (2026-07-28: its acknowledgement; handshake era: its capabilities)
     */
    SubscriptionFilter acknowledged();

    /**
     * Whether the subscription is still open.
     *
     * @return whether the subscription is still open
     */
    boolean isOpen();

    /**
     * Completes when the subscription ended: closed here, ended by the server, or the connection was lost.
     *
     * @return a future that completes when the subscription has ended
     */
    CompletableFuture<Void> closeFuture();

    /** Ends the subscription. Idempotent; does not block. */
    @Override
    void close();
}
