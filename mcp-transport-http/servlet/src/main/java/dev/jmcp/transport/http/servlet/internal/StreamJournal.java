package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.transport.http.servlet.EventStore;
import java.util.function.Supplier;

/**
 * The SSE events of one session's streams in the event store: it numbers and keeps each event, opens an SSE
 * stream (with a priming event where the client can resume), and replays what came after a {@code
 * Last-Event-ID}. Without a store events get no ids and nothing can be resumed.
 */
final class StreamJournal {
    private final String sessionId;
    private final EventStore store;
    private final long retryMillis;
    private final Supplier<ProtocolVersion> version;

    /**
     * @param version the negotiated revision, null while unknown: priming events start with 2025-11-25
     */
    StreamJournal(String sessionId, StreamSettings settings, Supplier<ProtocolVersion> version) {
        this.sessionId = sessionId;
        this.store = settings.eventStore();
        this.retryMillis = settings.retryMillis();
        this.version = version;
    }

    /** The journal of stateless exchanges: no store, so no event ids, no priming events and no resumption. */
    static StreamJournal storeless(StreamSettings settings) {
        return new StreamJournal(null, settings.withoutStore(), () -> null);
    }

    /** Whether events are kept, so that streams can be resumed. */
    boolean isResumable() {
        return store != null;
    }

    /** Keeps {@code text} as the next event of stream {@code streamId}; returns its id, or null without a store. */
    String append(String streamId, String text) {
        return store != null ? store.append(sessionId, streamId, text) : null;
    }

    /** The first bytes of a request stream that switches to SSE: a priming event, or a comment. */
    byte[] opening(String streamId) {
        ProtocolVersion v = version.get();
        if (store != null && (v == null || v.atLeast(ProtocolVersion.V2025_11_25))) {
            return SseFormat.priming(store.append(sessionId, streamId, ""), retryMillis);
        }
        return SseFormat.comment("stream");
    }

    /** Starts an SSE answer on {@code writer} with the {@code retry} delay. */
    void begin(AsyncWriter writer) {
        writer.begin(200, "text/event-stream");
        writer.write(SseFormat.retry(retryMillis));
    }

    /**
     * Starts an SSE answer on {@code writer} and replays the events after {@code lastEventId}; writes nothing and
     * returns false when the store evicted some of them (the stream cannot be resumed without a gap).
     */
    boolean replayAfter(String lastEventId, AsyncWriter writer) {
        EventStore.Replay replay = store.replayAfter(sessionId, lastEventId);
        if (!replay.complete()) {
            return false;
        }
        begin(writer);
        for (EventStore.StoredEvent e : replay.events()) {
            if (!e.message().isEmpty()) {
                writer.write(SseFormat.message(e.id(), e.message()));
            }
        }
        return true;
    }

    /**
     * Like {@link #replayAfter}, returning the sequence of the last event written (that of {@code lastEventId} when
     * none came after it), or -1 when the store evicted some of them.
     */
    long replayAfterSequence(String lastEventId, AsyncWriter writer) {
        EventStore.Replay replay = store.replayAfter(sessionId, lastEventId);
        if (!replay.complete()) {
            return -1;
        }
        begin(writer);
        long last = EventStore.sequenceOf(lastEventId);
        for (EventStore.StoredEvent e : replay.events()) {
            if (!e.message().isEmpty()) {
                writer.write(SseFormat.message(e.id(), e.message()));
            }
            last = Math.max(last, EventStore.sequenceOf(e.id()));
        }
        return last;
    }

    /**
     * Writes the stored events of {@code streamId} after sequence {@code afterSequence}, oldest first, without
     * starting an answer (#18: events other instances appended may not have arrived over the bus yet). Returns the
     * last sequence written ({@code afterSequence} when none), or -1 when the store evicted some of them.
     */
    long writeAfter(String streamId, long afterSequence, AsyncWriter writer) {
        EventStore.Replay replay = store.replayAfter(sessionId, streamId + "_" + afterSequence);
        if (!replay.complete()) {
            return -1;
        }
        long last = afterSequence;
        for (EventStore.StoredEvent e : replay.events()) {
            if (!e.message().isEmpty()) {
                writer.write(SseFormat.message(e.id(), e.message()));
            }
            last = Math.max(last, EventStore.sequenceOf(e.id()));
        }
        return last;
    }

    /** The stored events after {@code lastEventId} (of its stream), for a stream another instance serves (#18). */
    EventStore.Replay storedAfter(String lastEventId) {
        return store.replayAfter(sessionId, lastEventId);
    }

    /**
     * Whether the store holds (or evicted) events of stream {@code streamId} of this session: a stream another
     * instance serves is known here only through them (sequences start at 1).
     */
    boolean knowsStream(String streamId) {
        EventStore.Replay all = store.replayAfter(sessionId, streamId + "_0");
        return !all.events().isEmpty() || !all.complete();
    }

    /** Forgets the session's events (when it closes). */
    void forgetSession() {
        if (sessionId != null && store != null) {
            store.removeSession(sessionId);
        }
    }
}
