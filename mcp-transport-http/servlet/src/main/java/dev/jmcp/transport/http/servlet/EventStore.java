package dev.jmcp.transport.http.servlet;

import java.util.List;

/**
 * Keeps the SSE events of each session so a client that lost a stream can resume it with
 * {@code Last-Event-ID}. The default is {@link InMemoryEventStore} (bounded); implement this interface over a
 * shared store (e.g. Redis) when sessions must survive a move to another instance.
 *
 * <p>Event ids are unique within a session and name their stream: {@code <streamId>_<sequence>}, where the
 * sequence grows across the whole session. Implementations must be thread-safe.
 *
 * <p>Shared by several instances (issue #18, {@code docs/scale-out.md}): the sequence must be one counter per
 * session for the whole deployment (e.g. Redis {@code INCR}), so that ids stay unique and ordered whichever
 * instance appends; stream ids are already unique across instances (each instance numbers its request streams
 * from a random base; the GET stream is {@code 0} everywhere). {@link #removeSession} is called only when the client
 * ends the session (DELETE), never when one instance releases its copy; everything a shared store keeps must
 * expire by itself (a TTL at least the session TTL), and its per-session bounds answer resumptions from evicted
 * events with an incomplete {@link Replay}.
 */
public interface EventStore {

    /**
     * Stores one event and returns its id.
     *
     * @param sessionId the session (never null)
     * @param streamId the stream within the session (no {@code _} in it)
     * @param message the JSON text of the message, or the empty string for a priming event
     * @return the event's id, unique within the session
     */
    String append(String sessionId, String streamId, String message);

    /**
     * The events of the stream named by {@code lastEventId} that came after it, oldest first, priming events
     * included (their message is empty). Empty when nothing is known.
     *
     * @param sessionId the session the stream belongs to
     * @param lastEventId the {@code Last-Event-ID} the client sent
     * @return the events of the stream named by {@code lastEventId} that came after it, oldest first, priming events
     *     included (their message is empty)
     */
    List<StoredEvent> eventsAfter(String sessionId, String lastEventId);

    /**
     * The events of the stream named by {@code lastEventId} that came after it, and whether that is all of them:
     * a store that evicted one of those events must say so ({@link Replay#complete()} false), so that the client
     * gets an explicit error instead of a silent gap. The default trusts {@link #eventsAfter} to be complete.
     *
     * @param sessionId the session the stream belongs to
     * @param lastEventId the {@code Last-Event-ID} the client sent
     * @return the events of the stream named by {@code lastEventId} that came after it, and whether that is all of
     *     them: a store that evicted one of those events must say so ({@link Replay#complete()} false), so that the
     *     client gets an explicit error instead of a silent gap
     */
    default Replay replayAfter(String sessionId, String lastEventId) {
        return new Replay(eventsAfter(sessionId, lastEventId), true);
    }

    /**
     * Forgets everything about a session.
     *
     * @param sessionId the session to forget
     */
    void removeSession(String sessionId);

    /**
     * The stream an event id names, or null when the id is not one of ours.
     *
     * @param eventId an event id, as sent in an SSE {@code id} field
     * @return the stream an event id names, or null when the id is not one of ours
     */
    static String streamIdOf(String eventId) {
        if (eventId == null) {
            return null;
        }
        int sep = eventId.lastIndexOf('_');
        return sep <= 0 ? null : eventId.substring(0, sep);
    }

    /**
     * The sequence number an event id carries, or -1 when the id is not one of ours.
     *
     * @param eventId an event id, as sent in an SSE {@code id} field
     * @return the sequence number an event id carries, or -1 when the id is not one of ours
     */
    static long sequenceOf(String eventId) {
        if (eventId == null) {
            return -1;
        }
        int sep = eventId.lastIndexOf('_');
        if (sep <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(sep + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * One stored event.
     *
     * @param id the event id
     * @param streamId the stream it belongs to
     * @param message the JSON text, or empty for a priming event
     */
    record StoredEvent(String id, String streamId, String message) {}

    /**
     * What a resumption gets.
     *
     * @param events the events after the resumption point, oldest first
     * @param complete false when some event after the resumption point was evicted (the stream cannot be resumed)
     */
    record Replay(List<StoredEvent> events, boolean complete) {
        /**
         * Copies the events.
         *
         * @param events the events after the resumption point, oldest first
         * @param complete false when some event after the resumption point was evicted (the stream cannot be resumed)
         */
        public Replay {
            events = List.copyOf(events);
        }
    }
}
