package dev.jmcp.redis;

import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.redis.internal.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A {@link MessageBus} on Redis pub/sub ({@code PUBLISH}/{@code SUBSCRIBE}), channels named {@code
 * jmcp:<namespace>:bus:<channel>}. Publishing borrows a pooled connection; receiving holds one pooled connection
 * for itself, read by one platform thread ({@code jmcp-redis-bus}), which calls the receivers in order. When that connection is
 * lost, the thread reconnects with a backoff from {@link RedisScaleOut#BUS_MIN_BACKOFF} doubling to {@link
 * RedisScaleOut#BUS_MAX_BACKOFF} and subscribes every channel again; what was published meanwhile is lost, as the
 * bus contract allows (stores keep what must survive). {@link #subscribe} returns once Redis confirmed the
 * subscription, or throws after the configured timeout. {@link #close()} ends the thread and the connection. Obtain
 * it from {@link RedisScaleOut#messageBus()}.
 */
public final class RedisMessageBus implements MessageBus {
    private static final Logger LOG = LoggerFactory.getLogger(RedisMessageBus.class);

    private final JedisPool pool;
    private final Keys keys;
    private final Duration timeout;
    private final String controlChannel;
    private final Map<String, List<Consumer<byte[]>>> receivers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> confirmations = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final Thread thread;
    private volatile PubSub current;
    private volatile boolean closed;

    RedisMessageBus(JedisPool pool, Keys keys, Duration timeout) {
        this.pool = pool;
        this.keys = keys;
        this.timeout = timeout;
        this.controlChannel = keys.prefix() + "bus-control";
        this.thread = new Thread(this::run, "jmcp-redis-bus");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void publish(String channel, byte[] message) {
        byte[] name = keys.channel(channel).getBytes(StandardCharsets.UTF_8);
        try (Jedis jedis = pool.getResource()) {
            jedis.publish(name, message);
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<byte[]> receiver) {
        if (closed) {
            throw new IllegalStateException("the bus is closed");
        }
        String name = keys.channel(channel);
        Consumer<byte[]> entry = receiver::accept;
        boolean[] first = {false};
        CompletableFuture<?>[] confirmation = {null};
        receivers.compute(name, (k, list) -> {
            List<Consumer<byte[]>> l = list != null ? list : new CopyOnWriteArrayList<>();
            if (list == null) {
                first[0] = true;
                confirmations.put(name, new CompletableFuture<>());
            }
            confirmation[0] = confirmations.get(name);
            l.add(entry);
            return l;
        });
        Subscription subscription = () -> unsubscribe(name, entry);
        if (first[0]) {
            sendSubscribe(name);
        }
        try {
            if (confirmation[0] != null) {
                confirmation[0].get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            subscription.close();
            throw new IllegalStateException("Redis did not confirm the subscription to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription.close();
            throw new IllegalStateException("interrupted while subscribing to " + name, e);
        }
        return subscription;
    }

    @Override
    public boolean isShared() {
        return true;
    }

    /**
     * Channels with at least one receiver (for tests and metrics).
     *
     * @return the number of channels with at least one receiver
     */
    public int channelCount() {
        return receivers.size();
    }

    /**
     * Whether this bus has a receiver on {@code channel} (for tests and metrics: which instance holds a stream).
     *
     * @param channel the channel
     * @return whether this bus has a receiver on {@code channel} (for tests and metrics: which instance holds a stream)
     */
    public boolean hasReceivers(String channel) {
        return receivers.containsKey(keys.channel(channel));
    }

    /**
     * Whether the receiving connection is currently subscribed (for tests and health checks).
     *
     * @return whether the receiving connection is currently subscribed (for tests and health checks)
     */
    public boolean isConnected() {
        PubSub p = current;
        return p != null && p.isSubscribed();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        PubSub p = current;
        if (p != null) {
            try {
                synchronized (writeLock) {
                    p.unsubscribe();
                }
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
            p.closeConnection();
        }
        thread.interrupt();
        try {
            thread.join(timeout.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void unsubscribe(String name, Consumer<byte[]> entry) {
        boolean[] last = {false};
        receivers.computeIfPresent(name, (k, list) -> {
            list.remove(entry);
            last[0] = list.isEmpty();
            if (last[0]) {
                confirmations.remove(name);
            }
            return list.isEmpty() ? null : list;
        });
        if (last[0]) {
            PubSub p = current;
            if (p != null && !closed) {
                try {
                    synchronized (writeLock) {
                        if (!receivers.containsKey(name)) {
                            p.unsubscribe(name.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.debug("unsubscribe from {} failed (connection lost; it resubscribes only live channels)", name);
                }
            }
        }
    }

    private void sendSubscribe(String name) {
        PubSub p = current;
        if (p == null || !p.isSubscribed()) {
            return; // the reading thread subscribes every channel when it (re)connects
        }
        try {
            synchronized (writeLock) {
                p.subscribe(name.getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            LOG.debug("subscribe to {} failed; it is subscribed again on reconnection", name, e);
        }
    }

    private void run() {
        long backoff = RedisScaleOut.BUS_MIN_BACKOFF.toMillis();
        while (!closed) {
            PubSub pubSub = new PubSub();
            try (Jedis jedis = pool.getResource()) {
                pubSub.connection = jedis;
                current = pubSub;
                if (closed) {
                    break;
                }
                byte[][] channels = channelsToSubscribe();
                backoff = RedisScaleOut.BUS_MIN_BACKOFF.toMillis();
                jedis.subscribe(pubSub, channels); // blocks until unsubscribed or the connection breaks
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.warn("Redis bus connection lost ({}); reconnecting in {} ms", e.toString(), backoff);
                }
            } finally {
                current = null;
            }
            if (closed) {
                break;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            }
            backoff = Math.min(backoff * 2, RedisScaleOut.BUS_MAX_BACKOFF.toMillis());
        }
    }

    private byte[][] channelsToSubscribe() {
        List<String> names = new java.util.ArrayList<>(receivers.keySet());
        byte[][] out = new byte[names.size() + 1][];
        out[0] = controlChannel.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < names.size(); i++) {
            out[i + 1] = names.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** Receives on the dedicated connection. */
    private final class PubSub extends BinaryJedisPubSub {
        volatile Jedis connection;

        @Override
        public void onMessage(byte[] channel, byte[] message) {
            List<Consumer<byte[]>> list = receivers.get(new String(channel, StandardCharsets.UTF_8));
            if (list == null) {
                return;
            }
            for (Consumer<byte[]> r : list) {
                try {
                    r.accept(message);
                } catch (RuntimeException e) {
                    LOG.warn("a receiver on {} failed", new String(channel, StandardCharsets.UTF_8), e);
                }
            }
        }

        @Override
        public void onSubscribe(byte[] channel, int subscribedChannels) {
            String name = new String(channel, StandardCharsets.UTF_8);
            if (name.equals(controlChannel)) {
                // (re)connected: channels subscribed in the same command are confirmed one by one below;
                // a channel added between the snapshot and now is subscribed here
                for (String pending : confirmations.keySet()) {
                    if (!confirmations.get(pending).isDone()) {
                        try {
                            synchronized (writeLock) {
                                subscribe(pending.getBytes(StandardCharsets.UTF_8));
                            }
                        } catch (RuntimeException e) {
                            LOG.debug("subscribe to {} failed", pending, e);
                        }
                    }
                }
                return;
            }
            CompletableFuture<Void> c = confirmations.get(name);
            if (c != null) {
                c.complete(null);
            }
        }

        void closeConnection() {
            Jedis j = connection;
            if (j != null) {
                try {
                    j.disconnect();
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
