package dev.jmcp.transport.http.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default event store's bounds and eviction (issue #14, D4 and DL1). */
class InMemoryEventStoreTest {
    private static final int COST = 100 + InMemoryEventStore.EVENT_OVERHEAD_BYTES;

    @Test
    void sessionBoundEvictsTheOldestEventsOfTheLargestStreamAndReportsTheGap() {
        InMemoryEventStore store = new InMemoryEventStore(1000, 10L * COST, 1L << 30);
        String quiet = store.append("s", "1", "q".repeat(100));
        String chattyFirst = store.append("s", "2", "c".repeat(100));
        for (int i = 0; i < 20; i++) {
            store.append("s", "2", "c".repeat(100));
        }
        assertThat(store.totalBytes()).isLessThanOrEqualTo(10L * COST);
        EventStore.Replay q = store.replayAfter("s", "1_0");
        assertThat(q.complete()).isTrue();
        assertThat(q.events()).extracting(EventStore.StoredEvent::id).containsExactly(quiet);
        assertThat(store.replayAfter("s", chattyFirst).complete()).isFalse();
        EventStore.Replay tail = store.replayAfter("s", "2_20");
        assertThat(tail.complete()).isTrue();
        assertThat(tail.events()).hasSize(2);
    }

    @Test
    void globalBoundEvictsFromTheLargestSession() {
        InMemoryEventStore store = new InMemoryEventStore(1000, 1L << 30, 10L * COST);
        store.append("quiet", "1", "q".repeat(100));
        for (int i = 0; i < 30; i++) {
            store.append("chatty", "1", "c".repeat(100));
        }
        assertThat(store.totalBytes()).isLessThanOrEqualTo(10L * COST);
        assertThat(store.replayAfter("quiet", "1_0").events()).hasSize(1);
        assertThat(store.replayAfter("chatty", "1_1").complete()).isFalse();
    }

    @Test
    void anEmptiedStreamStillReportsItsGapAndAnUnknownStreamIsComplete() {
        InMemoryEventStore store = new InMemoryEventStore(1, 1L << 30, 1L << 30);
        String a = store.append("s", "1", "a");
        store.append("s", "2", "b"); // over one event: stream 1 loses its only event
        assertThat(store.replayAfter("s", "1_0").complete()).isFalse();
        assertThat(store.replayAfter("s", a).complete())
                .as("the client had seen it")
                .isTrue();
        assertThat(store.replayAfter("s", "9_1").complete()).isTrue();
        assertThat(store.replayAfter("s", "9_1").events()).isEmpty();
    }

    @Test
    void removedSessionKeepsNothingEvenWhenAppendedToAfterwards() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.append("s", "1", "a");
        store.removeSession("s");
        assertThat(store.sessionCount()).isZero();
        assertThat(store.totalBytes()).isZero();
    }
}
