package dev.jmcp.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionStore} in this JVM's memory, for several servers in one process (tests, embedded setups) that
 * share one instance of it. Expired sessions are dropped when looked up and by a sweep every 1,024 saves.
 */
public final class InMemorySessionStore implements SessionStore {
    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private int saves;

    private record Entry(StoredSession session, long expiresAtNanos) {
        boolean expired(long now) {
            return now - expiresAtNanos >= 0;
        }
    }

    @Override
    public void save(StoredSession session, Duration ttl) {
        long now = System.nanoTime();
        sessions.put(session.sessionId(), new Entry(session, now + ttl.toNanos()));
        boolean sweep;
        synchronized (this) {
            sweep = ++saves % SWEEP_EVERY == 0;
        }
        if (sweep) {
            sessions.values().removeIf(e -> e.expired(now));
        }
    }

    @Override
    public StoredSession find(String sessionId) {
        Entry e = sessions.get(sessionId);
        if (e == null) {
            return null;
        }
        if (e.expired(System.nanoTime())) {
            sessions.remove(sessionId, e);
            return null;
        }
        return e.session();
    }

    @Override
    public void touch(String sessionId, Duration ttl) {
        long deadline = System.nanoTime() + ttl.toNanos();
        sessions.computeIfPresent(sessionId, (k, e) -> new Entry(e.session(), deadline));
    }

    @Override
    public void delete(String sessionId) {
        sessions.remove(sessionId);
    }

    /**
     * The sessions held, expired or not (for tests).
     *
     * @return the sessions held, expired or not (for tests)
     */
    public int size() {
        return sessions.size();
    }
}
