package dev.jmcp.transport.http.servlet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link EventStore}: the last {@code maxEventsPerSession} events of each session, in memory. When a
 * client resumes from an event that was already evicted, it gets what is left of its stream.
 */
public final class InMemoryEventStore implements EventStore {
    /** Events kept per session by default. */
    public static final int DEFAULT_MAX_EVENTS_PER_SESSION = 1024;

    private final int maxEventsPerSession;
    private final Map<String, SessionEvents> sessions = new ConcurrentHashMap<>();

    /** A store keeping {@link #DEFAULT_MAX_EVENTS_PER_SESSION} events per session. */
    public InMemoryEventStore() {
        this(DEFAULT_MAX_EVENTS_PER_SESSION);
    }

    /** A store keeping at most {@code maxEventsPerSession} events per session. */
    public InMemoryEventStore(int maxEventsPerSession) {
        if (maxEventsPerSession <= 0) {
            throw new IllegalArgumentException("maxEventsPerSession must be positive");
        }
        this.maxEventsPerSession = maxEventsPerSession;
    }

    @Override
    public String append(String sessionId, String streamId, String message) {
        SessionEvents events = sessions.computeIfAbsent(sessionId, k -> new SessionEvents());
        synchronized (events) {
            long seq = ++events.sequence;
            String id = streamId + "_" + seq;
            events.events.addLast(new Entry(seq, new StoredEvent(id, streamId, message)));
            while (events.events.size() > maxEventsPerSession) {
                events.events.removeFirst();
            }
            return id;
        }
    }

    @Override
    public List<StoredEvent> eventsAfter(String sessionId, String lastEventId) {
        String streamId = EventStore.streamIdOf(lastEventId);
        long after = EventStore.sequenceOf(lastEventId);
        SessionEvents events = sessions.get(sessionId);
        if (events == null || streamId == null || after < 0) {
            return List.of();
        }
        List<StoredEvent> out = new ArrayList<>();
        synchronized (events) {
            for (Entry e : events.events) {
                if (e.sequence > after && e.event.streamId().equals(streamId)) {
                    out.add(e.event);
                }
            }
        }
        return out;
    }

    @Override
    public void removeSession(String sessionId) {
        sessions.remove(sessionId);
    }

    /** The number of sessions with stored events (for tests and metrics). */
    public int sessionCount() {
        return sessions.size();
    }

    private static final class SessionEvents {
        final ArrayDeque<Entry> events = new ArrayDeque<>();
        long sequence;
    }

    private record Entry(long sequence, StoredEvent event) {}
}
