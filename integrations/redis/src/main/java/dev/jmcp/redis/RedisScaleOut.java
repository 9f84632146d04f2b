package dev.jmcp.redis;

import dev.jmcp.redis.internal.Keys;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Scale-out on Redis: the stores and the message bus that let any instance of a server serve any session, all on
 * one Redis (7 or later) under one key namespace ({@code jmcp:<namespace>:...}). Build one per server process, hand
 * its parts to the server and the servlet, and close it on shutdown:
 *
 * <pre>{@code
 * RedisScaleOut redis = RedisScaleOut.builder().uri("redis://127.0.0.1:6379").namespace("orders").build();
 * McpServer server = redis.configure(McpServer.builder()...).build();
 * McpHttpServer http = McpHttpServer.builder(server).servlet(redis::configure).start();
 * }</pre>
 *
 * <p>Everything it writes expires: events {@link Builder#eventTtl} after a session's last event, a session {@link
 * Builder#sessionTtl} after its last use, a task at its own TTL (at most {@link Builder#maxTaskTtl}); pub/sub
 * messages are not stored at all. Calls block a
 * (virtual) thread on a pooled connection for at most {@link Builder#timeout}; a pool it creates is closed by
 * {@link #close()}, a pool handed in is not. See {@code docs/scale-out.md}.
 */
public final class RedisScaleOut implements AutoCloseable {
    /** Namespace by default. */
    public static final String DEFAULT_NAMESPACE = "default";
    /** How long a session's events live after its last event, by default: 1 hour (above the 30 min session idle timeout). */
    public static final Duration DEFAULT_EVENT_TTL = Duration.ofHours(1);
    /** Connect, read and pool-wait timeout by default: 2 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Pooled connections by default (a created pool only; the message bus holds one of them). */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** How long a session lives after its last use, by default: 30 min (the HTTP servlet's idle timeout). */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofMinutes(30);
    /** The longest a task is kept, whatever its own TTL, by default: 24 hours. */
    public static final Duration DEFAULT_MAX_TASK_TTL = Duration.ofHours(24);
    /** The message bus's first reconnection delay after a lost connection. */
    public static final Duration BUS_MIN_BACKOFF = Duration.ofMillis(100);
    /** The message bus's longest reconnection delay (the delay doubles up to it). */
    public static final Duration BUS_MAX_BACKOFF = Duration.ofSeconds(5);

    private final JedisPool pool;
    private final boolean ownsPool;
    private final Keys keys;
    private final RedisEventStore eventStore;
    private final RedisSessionStore sessionStore;
    private final RedisTaskStore taskStore;
    private final Duration sessionTtl;
    private final Duration timeout;
    private RedisMessageBus messageBus;

    private RedisScaleOut(Builder b) {
        this.keys = new Keys(b.namespace);
        if (b.pool != null) {
            this.pool = b.pool;
            this.ownsPool = false;
        } else {
            this.pool = createPool(b);
            this.ownsPool = true;
        }
        this.eventStore =
                new RedisEventStore(pool, keys, b.maxEventsPerSession, b.maxBytesPerSession, b.eventTtl.toMillis());
        this.sessionStore = new RedisSessionStore(pool, keys);
        this.taskStore = new RedisTaskStore(pool, keys, b.maxTaskTtl.toMillis());
        this.sessionTtl = b.sessionTtl;
        this.timeout = b.timeout;
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The shared event store, for {@code McpHttpServlet.Builder#eventStore}.
     *
     * @return the shared event store, for {@code McpHttpServlet.Builder#eventStore}
     */
    public RedisEventStore eventStore() {
        return eventStore;
    }

    /**
     * The shared session store, for {@code McpServer.Builder#sessionStore} with {@link #sessionTtl()}.
     *
     * @return the shared session store, for {@code McpServer.Builder#sessionStore} with {@link #sessionTtl()}
     */
    public RedisSessionStore sessionStore() {
        return sessionStore;
    }

    /**
     * The TTL of a stored session ({@link Builder#sessionTtl}).
     *
     * @return the TTL of a stored session ({@link Builder#sessionTtl})
     */
    public Duration sessionTtl() {
        return sessionTtl;
    }

    /**
     * The shared task store, for {@code McpServer.Builder#taskStore}.
     *
     * @return the shared task store, for {@code McpServer.Builder#taskStore}
     */
    public RedisTaskStore taskStore() {
        return taskStore;
    }

    /**
     * The message bus, for both {@code McpServer.Builder#messageBus} and {@code McpHttpServlet.Builder#messageBus};
     * started (its receiving thread and connection) on the first call, stopped by {@link #close()}.
     *
     * @return the message bus, for both {@code McpServer.Builder#messageBus} and {@code
     *     McpHttpServlet.Builder#messageBus}; started (its receiving thread and connection) on the first call, stopped
     *     by {@link #close()}
     */
    public synchronized RedisMessageBus messageBus() {
        if (messageBus == null) {
            messageBus = new RedisMessageBus(pool, keys, timeout);
        }
        return messageBus;
    }

    /**
     * Gives {@code server} the session store (with {@link #sessionTtl()}), the task store and the message bus.
     *
     * @param server the server
     * @return {@code server}, for chaining
     */
    public McpServer.Builder configure(McpServer.Builder server) {
        return server.sessionStore(sessionStore, sessionTtl)
                .taskStore(taskStore)
                .messageBus(messageBus());
    }

    /**
     * Gives {@code servlet} the event store and the message bus, and an idle timeout equal to the session TTL (an
     * instance drops its copy of a session when the shared one would expire too).
     *
     * @param servlet the servlet
     * @return {@code servlet}, for chaining
     */
    public McpHttpServlet.Builder configure(McpHttpServlet.Builder servlet) {
        return servlet.eventStore(eventStore).messageBus(messageBus()).sessionIdleTimeout(sessionTtl);
    }

    /**
     * The key prefix of this server, {@code jmcp:<namespace>:}.
     *
     * @return the key prefix of this server, {@code jmcp:<namespace>:}
     */
    public String keyPrefix() {
        return keys.prefix();
    }

    /**
     * The connection pool (shared by every part).
     *
     * @return the connection pool (shared by every part)
     */
    public JedisPool pool() {
        return pool;
    }

    /** Stops the message bus, and closes the pool when this object created it. */
    @Override
    public void close() {
        RedisMessageBus bus;
        synchronized (this) {
            bus = messageBus;
        }
        if (bus != null) {
            bus.close();
        }
        if (ownsPool) {
            pool.close();
        }
    }

    private static JedisPool createPool(Builder b) {
        URI uri = b.uri;
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(b.maxConnections);
        poolConfig.setMaxIdle(b.maxConnections);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(b.timeout);
        poolConfig.setJmxEnabled(false);
        String userInfo = uri.getUserInfo();
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? null : userInfo.substring(0, colon);
            password = colon < 0 ? userInfo : userInfo.substring(colon + 1);
            if (user != null && user.isEmpty()) {
                user = null;
            }
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            database = Integer.parseInt(path.substring(1));
        }
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) b.timeout.toMillis())
                .socketTimeoutMillis((int) b.timeout.toMillis())
                .user(user)
                .password(password)
                .database(database)
                .ssl("rediss".equals(uri.getScheme()))
                .clientName("jmcp")
                .build();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        return new JedisPool(poolConfig, new HostAndPort(uri.getHost(), port), config);
    }

    /** Builds a {@link RedisScaleOut}; only the Redis location is required. */
    public static final class Builder {
        private URI uri;
        private JedisPool pool;
        private String namespace = DEFAULT_NAMESPACE;
        private Duration eventTtl = DEFAULT_EVENT_TTL;
        private Duration sessionTtl = DEFAULT_SESSION_TTL;
        private Duration maxTaskTtl = DEFAULT_MAX_TASK_TTL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxEventsPerSession = InMemoryEventStore.DEFAULT_MAX_EVENTS_PER_SESSION;
        private long maxBytesPerSession = InMemoryEventStore.DEFAULT_MAX_BYTES_PER_SESSION;

        private Builder() {}

        /**
         * Where Redis is: {@code redis://[[user]:password@]host[:port][/database]} ({@code rediss://} for TLS).
         *
         * @param uri the URI
         * @return where Redis is: {@code redis://[[user]:password@]host[:port][/database]} ({@code rediss://} for TLS)
         */
        public Builder uri(String uri) {
            return uri(URI.create(uri));
        }

        /**
         * Where Redis is (see {@link #uri(String)}).
         *
         * @param uri where Redis is (see {@link #uri(String)})
         * @return this builder
         */
        public Builder uri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not a redis:// or rediss:// URI with a host: " + uri);
            }
            this.uri = uri;
            return this;
        }

        /**
         * An existing pool to use instead of a URI; {@link RedisScaleOut#close()} leaves it open.
         *
         * @param pool an existing pool to use instead of a URI; {@link RedisScaleOut#close()} leaves it open
         * @return this builder
         */
        public Builder pool(JedisPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /**
         * The key namespace of this server: every instance of one server uses the same, different servers use
         * different ones; default {@value #DEFAULT_NAMESPACE}. Letters, digits, {@code . _ -}, at most 64.
         *
         * @param namespace the key namespace of this server: every instance of one server uses the same, different
         *     servers use different ones; default {@value #DEFAULT_NAMESPACE}
         * @return this builder
         */
        public Builder namespace(String namespace) {
            new Keys(namespace); // validates
            this.namespace = namespace;
            return this;
        }

        /**
         * How long a session's events live after its last event; default {@link #DEFAULT_EVENT_TTL}.
         *
         * @param ttl how long a session's events live after its last event; default {@link #DEFAULT_EVENT_TTL}
         * @return this builder
         */
        public Builder eventTtl(Duration ttl) {
            this.eventTtl = positive(ttl, "eventTtl");
            return this;
        }

        /**
         * How long a session lives in Redis after its last use; default {@link #DEFAULT_SESSION_TTL}. Keep it equal to
         * the servlet's session idle timeout ({@link RedisScaleOut#configure(McpHttpServlet.Builder)} does).
         *
         * @param ttl how long a session lives in Redis after its last use; default {@link #DEFAULT_SESSION_TTL}
         * @return this builder
         */
        public Builder sessionTtl(Duration ttl) {
            this.sessionTtl = positive(ttl, "sessionTtl");
            return this;
        }

        /**
         * The longest a task is kept, whatever TTL it asked for; default {@link #DEFAULT_MAX_TASK_TTL}.
         *
         * @param ttl the longest a task is kept, whatever TTL it asked for; default {@link #DEFAULT_MAX_TASK_TTL}
         * @return this builder
         */
        public Builder maxTaskTtl(Duration ttl) {
            this.maxTaskTtl = positive(ttl, "maxTaskTtl");
            return this;
        }

        /**
         * Connect, read and pool-wait timeout of a created pool; default {@link #DEFAULT_TIMEOUT}.
         *
         * @param timeout the connect, read and pool-wait timeout of a created pool; default {@link #DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Connections of a created pool; default {@value #DEFAULT_MAX_CONNECTIONS}.
         *
         * @param max connections of a created pool
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Events kept per session; default as in memory, {@value InMemoryEventStore#DEFAULT_MAX_EVENTS_PER_SESSION}.
         *
         * @param max events kept per session; default as in memory, {@value
         *     InMemoryEventStore#DEFAULT_MAX_EVENTS_PER_SESSION}
         * @return this builder
         */
        public Builder maxEventsPerSession(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxEventsPerSession must be positive");
            }
            this.maxEventsPerSession = max;
            return this;
        }

        /**
         * Bytes of events kept per session; default as in memory, 8 MiB.
         *
         * @param max bytes of events kept per session; default as in memory, 8 MiB
         * @return this builder
         */
        public Builder maxBytesPerSession(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxBytesPerSession must be positive");
            }
            this.maxBytesPerSession = max;
            return this;
        }

        /**
         * Builds it (creating the pool when a URI was given).
         *
         * @return the built Redis scale-out
         */
        public RedisScaleOut build() {
            if (uri == null && pool == null) {
                throw new IllegalStateException("set uri(...) or pool(...)");
            }
            return new RedisScaleOut(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
