package dev.jmcp.transport.http.servlet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default {@link EventStore}: recent events in memory, bounded in events per session and in bytes per session
 * and for all sessions together.
 *
 * <p>Eviction is per stream: when a session is over its bounds, the oldest event of its largest stream goes (the
 * stream holding the most bytes, or the most events when over the event count); when all sessions together are
 * over the global bound, the largest session loses events that way. So a chatty stream evicts its own old events
 * before another stream's response. A resumption from before an evicted event of its stream is reported as
 * incomplete ({@link EventStore#replayAfter}), never answered with a silent gap. An event costs its length in
 * characters plus {@value #EVENT_OVERHEAD_BYTES} bytes.
 */
public final class InMemoryEventStore implements EventStore {
    /** Events kept per session by default. */
    public static final int DEFAULT_MAX_EVENTS_PER_SESSION = 1024;
    /** Bytes kept per session by default: 8 MiB. */
    public static final long DEFAULT_MAX_BYTES_PER_SESSION = 8L * 1024 * 1024;
    /** Bytes kept for all sessions together by default: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES_TOTAL = 256L * 1024 * 1024;
    /** What an event costs beyond its message. */
    public static final int EVENT_OVERHEAD_BYTES = 64;

    /** Ids of emptied streams remembered per session (with the last sequence they lost). */
    private static final int MAX_EMPTIED_STREAMS = 256;

    private final int maxEventsPerSession;
    private final long maxBytesPerSession;
    private final long maxBytesTotal;
    private final Map<String, SessionEvents> sessions = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();

    /** A store with the default bounds. */
    public InMemoryEventStore() {
        this(DEFAULT_MAX_EVENTS_PER_SESSION, DEFAULT_MAX_BYTES_PER_SESSION, DEFAULT_MAX_BYTES_TOTAL);
    }

    /**
     * A store keeping at most {@code maxEventsPerSession} events per session (default byte bounds).
     *
     * @param maxEventsPerSession the most events kept per session
     */
    public InMemoryEventStore(int maxEventsPerSession) {
        this(maxEventsPerSession, DEFAULT_MAX_BYTES_PER_SESSION, DEFAULT_MAX_BYTES_TOTAL);
    }

    /**
     * A store with explicit bounds.
     *
     * @param maxEventsPerSession events kept per session
     * @param maxBytesPerSession bytes kept per session
     * @param maxBytesTotal bytes kept for all sessions together
     */
    public InMemoryEventStore(int maxEventsPerSession, long maxBytesPerSession, long maxBytesTotal) {
        if (maxEventsPerSession <= 0 || maxBytesPerSession <= 0 || maxBytesTotal <= 0) {
            throw new IllegalArgumentException("event store bounds must be positive");
        }
        this.maxEventsPerSession = maxEventsPerSession;
        this.maxBytesPerSession = maxBytesPerSession;
        this.maxBytesTotal = maxBytesTotal;
    }

    @Override
    public String append(String sessionId, String streamId, String message) {
        SessionEvents events = sessions.computeIfAbsent(sessionId, k -> new SessionEvents());
        long cost = (long) message.length() + EVENT_OVERHEAD_BYTES;
        String id;
        synchronized (events) {
            long seq = ++events.sequence;
            id = streamId + "_" + seq;
            if (events.removed) {
                return id; // the session was removed meanwhile: keep nothing for it
            }
            StreamEvents stream = events.streams.get(streamId);
            if (stream == null) {
                stream = new StreamEvents(streamId);
                Long lost = events.emptied.remove(streamId);
                stream.evictedThrough = lost == null ? 0 : lost;
                events.streams.put(streamId, stream);
            }
            stream.entries.addLast(new Entry(seq, cost, new StoredEvent(id, streamId, message)));
            stream.bytes += cost;
            events.bytes += cost;
            events.count++;
            totalBytes.addAndGet(cost);
            while (events.count > maxEventsPerSession || events.bytes > maxBytesPerSession) {
                evictOne(events, events.count > maxEventsPerSession);
            }
        }
        while (totalBytes.get() > maxBytesTotal) {
            SessionEvents largest = largestSession();
            if (largest == null) {
                break;
            }
            synchronized (largest) {
                if (largest.count > 0) {
                    evictOne(largest, false);
                }
            }
        }
        return id;
    }

    @Override
    public List<StoredEvent> eventsAfter(String sessionId, String lastEventId) {
        return replayAfter(sessionId, lastEventId).events();
    }

    @Override
    public Replay replayAfter(String sessionId, String lastEventId) {
        String streamId = EventStore.streamIdOf(lastEventId);
        long after = EventStore.sequenceOf(lastEventId);
        SessionEvents events = sessions.get(sessionId);
        if (events == null || streamId == null || after < 0) {
            return new Replay(List.of(), true);
        }
        synchronized (events) {
            StreamEvents stream = events.streams.get(streamId);
            if (stream == null) {
                Long lost = events.emptied.get(streamId);
                long evictedThrough = lost != null ? lost : events.forgottenThrough;
                return new Replay(List.of(), evictedThrough <= after);
            }
            List<StoredEvent> out = new ArrayList<>();
            for (Entry e : stream.entries) {
                if (e.sequence > after) {
                    out.add(e.event);
                }
            }
            return new Replay(out, stream.evictedThrough <= after);
        }
    }

    @Override
    public void removeSession(String sessionId) {
        SessionEvents events = sessions.remove(sessionId);
        if (events == null) {
            return;
        }
        synchronized (events) {
            events.removed = true;
            totalBytes.addAndGet(-events.bytes);
            events.bytes = 0;
            events.count = 0;
            events.streams.clear();
            events.emptied.clear();
        }
    }

    /**
     * The number of sessions with stored events (for tests and metrics).
     *
     * @return the number of sessions with stored events (for tests and metrics)
     */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * The bytes kept for all sessions together, as this store counts them (for tests and metrics).
     *
     * @return the bytes kept for all sessions together, as this store counts them (for tests and metrics)
     */
    public long totalBytes() {
        return totalBytes.get();
    }

    /** Evicts the oldest event of the session's largest stream (by events or by bytes). Lock on events held. */
    private void evictOne(SessionEvents events, boolean byCount) {
        StreamEvents largest = null;
        for (StreamEvents s : events.streams.values()) {
            if (largest == null || (byCount ? s.entries.size() > largest.entries.size() : s.bytes > largest.bytes)) {
                largest = s;
            }
        }
        if (largest == null) {
            return;
        }
        Entry gone = largest.entries.pollFirst();
        largest.bytes -= gone.cost;
        largest.evictedThrough = gone.sequence;
        events.bytes -= gone.cost;
        events.count--;
        totalBytes.addAndGet(-gone.cost);
        if (largest.entries.isEmpty()) {
            events.streams.remove(largest.streamId);
            events.emptied.put(largest.streamId, largest.evictedThrough);
            if (events.emptied.size() > MAX_EMPTIED_STREAMS) {
                Iterator<Map.Entry<String, Long>> oldest =
                        events.emptied.entrySet().iterator();
                events.forgottenThrough =
                        Math.max(events.forgottenThrough, oldest.next().getValue());
                oldest.remove();
            }
        }
    }

    private SessionEvents largestSession() {
        SessionEvents largest = null;
        long largestBytes = 0;
        for (SessionEvents s : sessions.values()) {
            long b = s.bytes; // racy read: only picks a candidate
            if (b > largestBytes) {
                largest = s;
                largestBytes = b;
            }
        }
        return largest;
    }

    private static final class SessionEvents {
        final Map<String, StreamEvents> streams = new LinkedHashMap<>();
        /** Streams whose events were all evicted, with the last sequence each lost. */
        final LinkedHashMap<String, Long> emptied = new LinkedHashMap<>();

        long sequence;
        volatile long bytes;
        int count;
        /** The highest sequence lost by a stream no longer remembered in {@link #emptied}. */
        long forgottenThrough;

        boolean removed;
    }

    private static final class StreamEvents {
        final String streamId;
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long bytes;
        long evictedThrough;

        StreamEvents(String streamId) {
            this.streamId = streamId;
        }
    }

    private record Entry(long sequence, long cost, StoredEvent event) {}
}
