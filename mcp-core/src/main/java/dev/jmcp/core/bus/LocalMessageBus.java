package dev.jmcp.core.bus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory {@link MessageBus}: subscribers in this JVM only, each message delivered synchronously on the
 * publishing thread. Used as the default (one instance: nothing to cross) and, shared by several servers in one
 * JVM with {@link #shared()}, to test scale-out without an external bus.
 */
public final class LocalMessageBus implements MessageBus {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMessageBus.class);

    private final Map<String, List<Consumer<byte[]>>> channels = new ConcurrentHashMap<>();
    private final boolean shared;

    private LocalMessageBus(boolean shared) {
        this.shared = shared;
    }

    /**
     * A bus for one instance ({@link #isShared()} false): the default.
     *
     * @return a bus for one instance ({@link #isShared()} false): the default
     */
    public static LocalMessageBus local() {
        return new LocalMessageBus(false);
    }

    /**
     * A bus that several servers or servlets in this JVM share and treat as a cross-instance bus ({@link
     * #isShared()} true): for tests and embedded multi-instance setups.
     *
     * @return a bus that several servers or servlets in this JVM share and treat as a cross-instance bus
     *     ({@link #isShared()} true)
     */
    public static LocalMessageBus shared() {
        return new LocalMessageBus(true);
    }

    @Override
    public void publish(String channel, byte[] message) {
        List<Consumer<byte[]>> receivers = channels.get(channel);
        if (receivers == null) {
            return;
        }
        for (Consumer<byte[]> r : receivers) {
            try {
                r.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("a receiver on channel {} failed", channel, e);
            }
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<byte[]> receiver) {
        // a wrapper per subscription, so that the same receiver subscribed twice is removed once per close
        Consumer<byte[]> entry = receiver::accept;
        channels.compute(channel, (k, list) -> {
            List<Consumer<byte[]>> l = list != null ? list : new CopyOnWriteArrayList<>();
            l.add(entry);
            return l;
        });
        return () -> channels.computeIfPresent(channel, (k, list) -> {
            list.remove(entry);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    /**
     * Whether {@code channel} has at least one subscriber (for tests).
     *
     * @param channel the channel name
     * @return {@code true} if {@code channel} has at least one subscriber (for tests)
     */
    public boolean hasSubscribers(String channel) {
        return channels.containsKey(channel);
    }

    /**
     * Channels with at least one subscriber (for tests).
     *
     * @return the number of channels with at least one subscriber
     */
    public int channelCount() {
        return channels.size();
    }
}
