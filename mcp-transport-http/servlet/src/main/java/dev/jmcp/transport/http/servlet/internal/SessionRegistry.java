package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.transport.ServerConnector;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live connections of one endpoint and their upkeep: handshake-era sessions by id, stateless exchanges in
 * flight, legacy HTTP+SSE connections by id, and the housekeeping thread that expires idle sessions and keeps
 * SSE connections alive. Session ids are cryptographically random; the number of sessions is bounded.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EndpointConfig config;
    private final ServerConnector connector;
    private final StreamSettings settings;
    private final StreamJournal storeless;
    private final Map<String, ServerTransport> sessions = new ConcurrentHashMap<>();
    private final Map<StatelessExchange, Boolean> exchanges = new ConcurrentHashMap<>();
    private final Map<String, LegacySseTransport> legacy = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    /** A registry connecting new transports to {@code connector}. */
    public SessionRegistry(EndpointConfig config, ServerConnector connector, StreamSettings settings) {
        this.config = config;
        this.connector = connector;
        this.settings = settings;
        this.storeless = StreamJournal.storeless(settings);
    }

    /** The write budget every response of this endpoint shares (issue #14). */
    public WriteBudget writeBudget() {
        return settings.writeBudget();
    }

    /** The number of live handshake-era sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /** The live session {@code id}, or null when there is none (or it closed). */
    public ServerTransport session(String id) {
        ServerTransport session = sessions.get(id);
        return session == null || session.isClosed() ? null : session;
    }

    /**
     * Opens a handshake-era session owned by {@code principal} (may be null) and connects it.
     *
     * @return the session, or null when the session limit is reached even after expiring idle ones
     */
    public ServerTransport openSession(String principal) {
        if (sessions.size() >= config.maxSessions()) {
            housekeeping();
            if (sessions.size() >= config.maxSessions()) {
                return null;
            }
        }
        String id = newId();
        ServerTransport transport = ServerTransport.forSession(id, settings, principal);
        sessions.put(id, transport);
        try {
            AutoCloseable handle = connector.connect(transport);
            transport.onClosed(() -> {
                sessions.remove(id, transport);
                closeQuietly(handle);
            });
        } catch (RuntimeException e) {
            sessions.remove(id);
            throw e;
        }
        return transport;
    }

    /**
     * Opens a stateless exchange for one POST and connects it; it leaves the registry when it closes.
     *
     * @throws RuntimeException when the connector refuses it
     */
    public StatelessExchange openExchange() {
        StatelessExchange exchange = new StatelessExchange(settings, storeless);
        AutoCloseable handle = connector.connectStateless(exchange);
        exchanges.put(exchange, Boolean.TRUE);
        exchange.onClosed(() -> {
            exchanges.remove(exchange);
            closeQuietly(handle);
        });
        return exchange;
    }

    /** Whether another legacy connection may open. */
    public boolean legacyHasRoom() {
        return legacy.size() < config.maxSessions();
    }

    /** The live legacy connection {@code id} (may be null), or null. */
    public LegacySseTransport legacy(String id) {
        return id == null ? null : legacy.get(id);
    }

    /** Registers and connects a legacy connection; it leaves the registry when it closes. */
    public void openLegacy(LegacySseTransport transport) {
        String id = transport.id();
        legacy.put(id, transport);
        try {
            AutoCloseable handle = connector.connect(transport);
            transport.onClosed(() -> {
                legacy.remove(id);
                closeQuietly(handle);
            });
        } catch (RuntimeException e) {
            legacy.remove(id);
            transport.close();
            throw e;
        }
    }

    /** Starts the housekeeping thread unless it runs. */
    public synchronized void ensureHousekeeping() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jmcp-http-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(20, Math.min(config.keepAliveInterval().toMillis(), 1000));
        s.scheduleWithFixedDelay(this::housekeeping, tick, tick, TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    /** Closes every connection and stops the housekeeping thread. Idempotent. */
    public void closeAll() {
        for (ServerTransport t : List.copyOf(sessions.values())) {
            t.close();
        }
        for (LegacySseTransport t : List.copyOf(legacy.values())) {
            t.close();
        }
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
        }
    }

    /** Expires idle sessions and sends keep-alives. */
    void housekeeping() {
        try {
            long now = System.nanoTime();
            long idle = config.sessionIdleTimeout().toNanos();
            long keepAlive = config.keepAliveInterval().toNanos();
            for (ServerTransport t : List.copyOf(sessions.values())) {
                if (t.isIdle() && now - t.lastActivityNanos() > idle) {
                    LOG.debug("session {} expired", t.sessionId());
                    t.close();
                } else {
                    t.keepAlive(keepAlive);
                }
            }
            for (StatelessExchange t : List.copyOf(exchanges.keySet())) {
                t.keepAlive(keepAlive);
            }
            for (LegacySseTransport t : List.copyOf(legacy.values())) {
                t.keepAlive();
            }
        } catch (RuntimeException e) {
            LOG.warn("HTTP housekeeping failed", e);
        }
    }

    /** A new cryptographically random connection id. */
    public static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("closing a session handle failed", e);
        }
    }
}
