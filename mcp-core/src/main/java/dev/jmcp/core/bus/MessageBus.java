package dev.jmcp.core.bus;

import java.util.function.Consumer;

/**
 * Publish/subscribe of opaque message bytes on named channels, between the instances of one deployment (a shared
 * bus such as Redis pub/sub), or within one JVM ({@link LocalMessageBus}, the default).
 *
 * <p>Contract: a message published on a channel reaches every subscriber of that channel, on every instance,
 * that was subscribed before the publication (the publisher's own subscribers included), at most once, and the
 * messages of one publisher on one channel arrive in publication order. Delivery is best effort: a message
 * published while no one is subscribed is gone, so what must survive (SSE events, task results, session state) is
 * kept in a store and the bus only says where to look or carries the live copy. Receivers are called on the bus's
 * own thread(s), must not block for long, and must not throw (what they throw is logged and dropped).
 *
 * <p>The bus never reads the bytes. Channel names are chosen by its users (see {@code docs/scale-out.md}: {@code
 * mcp:server}, {@code mcp:instance:<id>}, {@code mcp:stream:<session>:<stream>}); an implementation may prefix
 * them with a namespace of its own. Implementations must be thread-safe.
 */
public interface MessageBus extends AutoCloseable {

    /**
     * Publishes {@code message} on {@code channel}; returns without waiting for receivers.
     *
     * @param channel the channel name (non-empty)
     * @param message the bytes; the bus neither copies nor reads them, so the caller must not change them afterwards
     */
    void publish(String channel, byte[] message);

    /**
     * Subscribes {@code receiver} to {@code channel} until the returned subscription is closed. The subscription is
     * in effect when this method returns: a message published afterwards reaches it.
     *
     * @param channel the channel name (non-empty)
     * @param receiver called with the bytes of every message published to {@code channel}
     * @return the subscription; closing it unsubscribes
     */
    Subscription subscribe(String channel, Consumer<byte[]> receiver);

    /**
     * Whether messages cross instances: false for {@link LocalMessageBus}, where every subscriber lives in this JVM.
     * Users skip cross-instance bookkeeping (request-id routing, stream subscriptions) on a local bus, so that the
     * default costs nothing.
     *
     * @return {@code true} if messages cross instances
     */
    boolean isShared();

    /** Stops delivering and releases connections and threads. Idempotent. The default does nothing. */
    @Override
    default void close() {}

    /** A subscription; closing it stops delivery to its receiver (idempotent). */
    interface Subscription extends AutoCloseable {
        /** Ends the subscription. */
        @Override
        void close();
    }
}
