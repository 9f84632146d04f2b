package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.bus.LocalMessageBus;
import dev.jmcp.core.bus.MessageBus;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.ServerConnection;
import dev.jmcp.core.transport.ServerConnector;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live connections of one endpoint and their upkeep: handshake-era sessions by id, stateless exchanges in
 * flight, legacy HTTP+SSE connections by id, and the housekeeping thread that expires sessions and keeps SSE
 * connections alive. Session ids are cryptographically random.
 *
 * <p>Sessions and legacy connections take a slot of a {@link SessionQuota} (a bound overall and one per caller)
 * before they exist, and give it back once when they close. Expiry is one check per session at its deadline on the
 * housekeeping thread (the executor's deadline-ordered queue), never a scan of the table and never on a request
 * thread: a session the client has not used since {@code initialize} expires after the initialization timeout (or
 * the idle timeout when shorter), a
 * used one once it has been idle (no connection, no request) for the idle timeout. {@link #closeAll()} is final:
 * nothing opens afterwards and the housekeeping thread never comes back.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EndpointConfig config;
    /** Null unless sessions are shared with other instances (a shared bus). */
    private final Cluster cluster;

    private final ServerConnector connector;
    private final StreamSettings settings;
    private final StreamJournal storeless;
    private final SessionQuota quota;
    private final Housekeeping housekeeping;
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final Map<StatelessExchange, Boolean> exchanges = new ConcurrentHashMap<>();
    private final Map<String, LegacySseTransport> legacy = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final long idleNanos;
    private final long initializationNanos;
    private volatile boolean closed;

    /** A registry connecting new transports to {@code connector}. */
    public SessionRegistry(EndpointConfig config, ServerConnector connector, StreamSettings settings) {
        this(config, connector, settings, LocalMessageBus.local());
    }

    /** A registry whose sessions reach the other instances of a scaled-out deployment through {@code bus}. */
    public SessionRegistry(EndpointConfig config, ServerConnector connector, StreamSettings settings, MessageBus bus) {
        this.cluster = bus.isShared()
                ? new Cluster(bus, settings.codec(), this::deliverForwarded, this::endedElsewhere)
                : null;
        this.config = config;
        this.connector = connector;
        this.settings = settings;
        this.storeless = StreamJournal.storeless(settings);
        this.idleNanos = config.sessionIdleTimeout().toNanos();
        // an unused session never outlives an idle one
        this.initializationNanos =
                Math.min(idleNanos, config.sessionInitializationTimeout().toNanos());
        this.quota = new SessionQuota(config.maxSessions(), config.maxSessionsPerPrincipal());
        long tick = Math.max(20, Math.min(config.keepAliveInterval().toMillis(), 1000));
        this.housekeeping = new Housekeeping(this::keepAlive, tick);
    }

    /** The write budget every response of this endpoint shares (issue #14). */
    public WriteBudget writeBudget() {
        return settings.writeBudget();
    }

    /** The number of live handshake-era sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /** The number of live legacy HTTP+SSE connections. */
    public int legacyCount() {
        return legacy.size();
    }

    /** Whether {@link #closeAll()} ran: every request is refused from then on. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The live session {@code id}, or null when there is none (or it closed). Finding it counts as the client's
     * use of the session (its first use ends the initialization timeout).
     */
    public LiveSession session(String id) {
        LiveSession live = sessions.get(id);
        if (live == null || live.transport().isClosed()) {
            return null;
        }
        live.markUsed();
        return live;
    }

    /**
     * Opens a handshake-era session owned by {@code owner} and connects it.
     *
     * @return the session, or why there is none
     */
    public Opening openSession(SessionOwner owner) {
        if (owner.isNameless()) {
            return Opening.refused(SessionRefusal.NAMELESS_CALLER);
        }
        SessionRefusal refused = reserve(owner.quotaKey());
        if (refused != null) {
            return Opening.refused(refused);
        }
        String id = newId();
        ServerTransport transport = ServerTransport.forSession(id, settings, owner.binding(), cluster);
        LiveSession live = new LiveSession(transport, owner.quotaKey());
        synchronized (lifecycle) {
            if (closed) {
                quota.release(owner.quotaKey());
                return Opening.refused(SessionRefusal.SHUT_DOWN);
            }
            sessions.put(id, live);
        }
        AutoCloseable handle;
        try {
            handle = connector.connect(transport);
        } catch (RuntimeException e) {
            leave(id, live, null);
            throw e;
        }
        transport.onClosed(() -> leave(id, live, handle));
        if (transport.isClosed()) { // closed (by closeAll or the server) before the hook was in place
            leave(id, live, handle);
        }
        live.expiryCheck(housekeeping.schedule(() -> checkExpiry(live), initializationNanos));
        return Opening.of(live);
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
        if (closed) {
            exchange.close();
        }
        return exchange;
    }

    /** The live legacy connection {@code id} (may be null), or null. */
    public LegacySseTransport legacy(String id) {
        return id == null ? null : legacy.get(id);
    }

    /** Creates the transport of a new legacy connection with the id it is given. */
    @FunctionalInterface
    public interface LegacyFactory {
        /** The transport for connection {@code id}; nothing is written yet. */
        LegacySseTransport create(String id) throws IOException;
    }

    /**
     * Opens a legacy connection owned by {@code owner}: takes a quota slot, creates the transport, registers and
     * connects it, and only then announces {@code endpoint} on it (so a connection whose first write fails leaves
     * the registry and gives its slot back like any other).
     *
     * @param endpointOf the URL to announce, given the connection id
     * @return null when opened (or, when shut down meanwhile, already ended), else why not (nothing was written
     *     then)
     */
    public SessionRefusal openLegacy(SessionOwner owner, LegacyFactory factory, Function<String, String> endpointOf)
            throws IOException {
        if (owner.isNameless()) {
            return SessionRefusal.NAMELESS_CALLER;
        }
        SessionRefusal refused = reserve(owner.quotaKey());
        if (refused != null) {
            return refused;
        }
        String id = newId();
        LegacySseTransport transport;
        try {
            transport = factory.create(id);
        } catch (IOException | RuntimeException e) {
            quota.release(owner.quotaKey());
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        synchronized (lifecycle) {
            if (closed) { // the response is async already: end it empty rather than write a refusal
                quota.release(owner.quotaKey());
                transport.close();
                return null;
            }
            legacy.put(id, transport);
        }
        AutoCloseable handle;
        try {
            handle = connector.connect(transport);
        } catch (RuntimeException e) {
            leaveLegacy(id, transport, owner.quotaKey(), released, null);
            transport.close();
            throw e;
        }
        transport.onClosed(() -> leaveLegacy(id, transport, owner.quotaKey(), released, handle));
        transport.open(endpointOf.apply(id));
        return null;
    }

    /** Starts the housekeeping thread unless it runs or the registry was closed. */
    public void ensureHousekeeping() {
        housekeeping.ensureStarted();
    }

    /** Closes every connection and stops the housekeeping thread, for good: later opens are refused. Idempotent. */
    public void closeAll() {
        synchronized (lifecycle) {
            closed = true;
        }
        housekeeping.stop();
        if (cluster != null) {
            cluster.close();
        }
        for (LiveSession s : List.copyOf(sessions.values())) {
            s.close();
        }
        for (LegacySseTransport t : List.copyOf(legacy.values())) {
            t.close();
        }
        for (StatelessExchange t : List.copyOf(exchanges.keySet())) {
            t.close();
        }
    }

    /** Slots in use by sessions and legacy connections (for tests). */
    int slotsInUse() {
        return quota.inUse();
    }

    /** Timed tasks of the housekeeping thread: the sweep and one expiry check per session (for tests). */
    int queuedHousekeepingTasks() {
        return housekeeping.queuedTasks();
    }

    private SessionRefusal reserve(String quotaKey) {
        if (closed) {
            return SessionRefusal.SHUT_DOWN;
        }
        housekeeping.ensureStarted();
        return quota.tryAcquire(quotaKey);
    }

    private void leave(String id, LiveSession live, AutoCloseable handle) {
        if (live.release()) {
            sessions.remove(id, live);
            quota.release(live.quotaKey());
            if (live.isTerminated() && handle instanceof ServerConnection connection) {
                try {
                    connection.terminate(); // the client ended it: forgotten in the shared stores too
                } catch (RuntimeException e) {
                    LOG.debug("terminating a session failed", e);
                }
            } else {
                closeQuietly(handle);
            }
        }
    }

    // ---- scale-out (#18) ----

    /**
     * This instance's copy of session {@code id}, which it has never seen (or released): resumed from the server's
     * session store when the server knows it and {@code owner} owns it. The copy takes a quota slot like a new session.
     *
     * @return the session; or neither session nor refusal when it is unknown (404); or the refusal
     */
    public Opening resumeSession(String id, SessionOwner owner, InboundContext caller) {
        // asked first, so that an unknown id is a 404 as before, whatever the caller's quota (and at no cost
        // without a session store: the connector answers null at once)
        ServerTransport transport = ServerTransport.forSession(id, settings, owner.binding(), cluster);
        LiveSession live = new LiveSession(transport, owner.quotaKey());
        live.markUsed();
        AutoCloseable handle = connector.resume(transport, caller);
        if (handle == null) {
            return Opening.unknown();
        }
        SessionRefusal refused = owner.isNameless() ? SessionRefusal.NAMELESS_CALLER : reserve(owner.quotaKey());
        if (refused != null) {
            closeQuietly(handle);
            transport.close();
            return Opening.refused(refused);
        }
        LiveSession raced;
        synchronized (lifecycle) {
            raced = closed ? null : sessions.putIfAbsent(id, live);
            if (closed || raced != null) {
                live.release();
                quota.release(owner.quotaKey());
            }
        }
        if (closed || raced != null) { // shut down, or another request resumed it meanwhile: that copy serves
            closeQuietly(handle);
            transport.close();
            return closed ? Opening.refused(SessionRefusal.SHUT_DOWN) : Opening.of(raced);
        }
        transport.onClosed(() -> leave(id, live, handle));
        if (transport.isClosed()) {
            leave(id, live, handle);
        }
        live.expiryCheck(housekeeping.schedule(() -> checkExpiry(live), idleNanos));
        return Opening.of(live);
    }

    /** The client ended {@code live} (DELETE): closed here, forgotten in the shared stores, told to every instance. */
    public void terminate(LiveSession live) {
        live.terminate();
        if (cluster != null) {
            cluster.sessionEnded(live.transport().sessionId());
        }
    }

    private void deliverForwarded(String sessionId, dev.jmcp.core.jsonrpc.JsonRpcMessage answer) {
        LiveSession live = sessions.get(sessionId);
        if (live != null) {
            live.transport().deliverForwarded(answer);
        } else {
            LOG.debug("dropping an answer forwarded for session {}: no copy here", sessionId);
        }
    }

    /** Another instance served the client's DELETE: this instance's copy closes (the stores are already clean). */
    private void endedElsewhere(String sessionId) {
        LiveSession live = sessions.get(sessionId);
        if (live != null) {
            live.close();
        }
    }

    // ---- end of scale-out ----

    private void leaveLegacy(
            String id, LegacySseTransport transport, String quotaKey, AtomicBoolean released, AutoCloseable handle) {
        if (released.compareAndSet(false, true)) {
            legacy.remove(id, transport);
            quota.release(quotaKey);
            closeQuietly(handle);
        }
    }

    /**
     * The expiry check of one session, on the housekeeping thread at its deadline: closes it when it has been idle
     * (no connection attached, no request) for its timeout, which is the initialization timeout until the client
     * uses it and the idle timeout afterwards; else schedules the next check at its new deadline (a session with a
     * connection attached is looked at again one timeout later).
     */
    private void checkExpiry(LiveSession live) {
        ServerTransport t = live.transport();
        if (t.isClosed()) {
            return;
        }
        long timeout = live.isUsed() ? idleNanos : initializationNanos;
        long next = timeout;
        if (t.isIdle()) {
            long left = t.lastActivityNanos() + timeout - System.nanoTime();
            if (left <= 0) {
                LOG.debug("session {} expired{}", t.sessionId(), live.isUsed() ? "" : " before the client used it");
                live.close();
                return;
            }
            next = left;
        }
        live.expiryCheck(housekeeping.schedule(() -> checkExpiry(live), next));
    }

    /** Keep-alive comments on idle SSE connections (the periodic sweep). */
    private void keepAlive() {
        long keepAlive = config.keepAliveInterval().toNanos();
        for (LiveSession s : sessions.values()) {
            s.transport().keepAlive(keepAlive);
        }
        for (StatelessExchange t : exchanges.keySet()) {
            t.keepAlive(keepAlive);
        }
        for (LegacySseTransport t : legacy.values()) {
            t.keepAlive();
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

    /**
     * A session opened, or why not.
     *
     * @param session the session, or null when refused
     * @param refusal why it was refused, or null
     */
    public record Opening(LiveSession session, SessionRefusal refusal) {
        static Opening of(LiveSession session) {
            return new Opening(session, null);
        }

        static Opening refused(SessionRefusal refusal) {
            return new Opening(null, refusal);
        }

        static Opening unknown() {
            return new Opening(null, null);
        }
    }
}
