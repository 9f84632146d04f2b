package dev.jmcp.transport.http.servlet.internal;

/**
 * The ids of a session's most recently finished SSE request streams, kept so that a {@code GET} with a
 * {@code Last-Event-ID} naming one of them still replays its events from the event store. A fixed ring of
 * numeric ids (allocated on first use): the events themselves live in the store, nothing else is retained.
 * Not thread-safe; the owning transport guards it with its lock.
 */
final class FinishedStreams {
    private final int capacity;
    private long[] ring;
    private int next;
    private int size;

    FinishedStreams(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers {@code id}, forgetting the oldest one when full. */
    void add(long id) {
        if (ring == null) {
            ring = new long[capacity];
        }
        ring[next] = id;
        next = (next + 1) % capacity;
        if (size < capacity) {
            size++;
        }
    }

    /** Whether {@code id} is among the remembered ones. */
    boolean contains(long id) {
        for (int i = 0; i < size; i++) {
            if (ring[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** How many ids are remembered. */
    int size() {
        return size;
    }
}
