package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.servlet.EventStore;
import dev.jmcp.transport.http.servlet.InMemoryEventStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The Redis event store against a real redis-server: the in-memory store's contract, TTLs and namespaces (#18). */
class RedisEventStoreTest {
    private static final int COST = 100 + InMemoryEventStore.EVENT_OVERHEAD_BYTES;
    private static RedisServerProcess redis;
    private static int namespaces;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private static RedisScaleOut.Builder scaleOut() {
        return RedisScaleOut.builder().uri(redis.uri()).namespace("t" + (++namespaces));
    }

    @Test
    void appendedEventsReplayInOrderAfterTheLastSeenOne() {
        try (RedisScaleOut r = scaleOut().build()) {
            EventStore store = r.eventStore();
            String first = store.append("s", "1", "");
            String a = store.append("s", "1", "{\"a\":\"x:y\"}");
            store.append("s", "2", "other stream");
            String b = store.append("s", "1", "{\"b\":1}");
            assertThat(first).isEqualTo("1_1");
            assertThat(b).isEqualTo("1_4");
            EventStore.Replay replay = store.replayAfter("s", first);
            assertThat(replay.complete()).isTrue();
            assertThat(replay.events())
                    .containsExactly(
                            new EventStore.StoredEvent(a, "1", "{\"a\":\"x:y\"}"),
                            new EventStore.StoredEvent(b, "1", "{\"b\":1}"));
            assertThat(store.eventsAfter("s", b)).isEmpty();
            assertThat(store.replayAfter("unknown", "1_1")).isEqualTo(new EventStore.Replay(java.util.List.of(), true));
            assertThat(store.replayAfter("s", "not-an-id").events()).isEmpty();
        }
    }

    @Test
    void anotherInstanceOnTheSameNamespaceResumesTheStream() {
        try (RedisScaleOut one = scaleOut().build();
                RedisScaleOut two = RedisScaleOut.builder()
                        .uri(redis.uri())
                        .namespace("t" + namespaces)
                        .build()) {
            String id = one.eventStore().append("s", "7", "m1");
            one.eventStore().append("s", "7", "m2");
            assertThat(two.eventStore().eventsAfter("s", id))
                    .extracting(EventStore.StoredEvent::message)
                    .containsExactly("m2");
            assertThat(two.eventStore().append("s", "7", "m3")).isEqualTo("7_3");
        }
    }

    @Test
    void sessionBoundEvictsTheOldestEventsOfTheLargestStreamAndReportsTheGap() {
        try (RedisScaleOut r = scaleOut().maxBytesPerSession(10L * COST).build()) {
            EventStore store = r.eventStore();
            String quiet = store.append("s", "1", "q".repeat(100));
            String chattyFirst = store.append("s", "2", "c".repeat(100));
            for (int i = 0; i < 20; i++) {
                store.append("s", "2", "c".repeat(100));
            }
            try (Jedis j = redis.connect()) {
                assertThat(Long.parseLong(j.hget(r.keyPrefix() + "ev:s:meta", "bytes")))
                        .isLessThanOrEqualTo(10L * COST);
            }
            EventStore.Replay q = store.replayAfter("s", "1_0");
            assertThat(q.complete()).isTrue();
            assertThat(q.events()).extracting(EventStore.StoredEvent::id).containsExactly(quiet);
            assertThat(store.replayAfter("s", chattyFirst).complete()).isFalse();
            EventStore.Replay tail = store.replayAfter("s", "2_20");
            assertThat(tail.complete()).isTrue();
            assertThat(tail.events()).hasSize(2);
        }
    }

    @Test
    void eventCountBoundEvictsToo() {
        try (RedisScaleOut r = scaleOut().maxEventsPerSession(5).build()) {
            EventStore store = r.eventStore();
            for (int i = 1; i <= 12; i++) {
                store.append("s", "1", "m" + i);
            }
            assertThat(store.replayAfter("s", "1_0").complete()).isFalse();
            EventStore.Replay kept = store.replayAfter("s", "1_7");
            assertThat(kept.complete()).isTrue();
            assertThat(kept.events())
                    .extracting(EventStore.StoredEvent::message)
                    .containsExactly("m8", "m9", "m10", "m11", "m12");
        }
    }

    @Test
    void anEmptiedStreamStillReportsItsGapAndAnUnknownStreamIsComplete() {
        try (RedisScaleOut r = scaleOut().maxEventsPerSession(1).build()) {
            EventStore store = r.eventStore();
            String a = store.append("s", "1", "a");
            store.append("s", "2", "b"); // over one event: stream 1 loses its only event
            assertThat(store.replayAfter("s", "1_0").complete()).isFalse();
            assertThat(store.replayAfter("s", a).complete())
                    .as("the client had seen it")
                    .isTrue();
            assertThat(store.replayAfter("s", "9_1").complete()).isTrue();
            assertThat(store.replayAfter("s", "9_1").events()).isEmpty();
        }
    }

    @Test
    void manyEmptiedStreamsAreForgottenButTheirGapIsStillReported() {
        try (RedisScaleOut r = scaleOut().maxEventsPerSession(1).build()) {
            EventStore store = r.eventStore();
            for (int i = 0; i < RedisEventStore.MAX_EMPTIED_STREAMS + 5; i++) {
                store.append("s", "x" + i, "m");
            }
            assertThat(store.replayAfter("s", "x0_0").complete()).isFalse();
            try (Jedis j = redis.connect()) {
                assertThat(j.llen(r.keyPrefix() + "ev:s:emptied")).isEqualTo(RedisEventStore.MAX_EMPTIED_STREAMS);
            }
        }
    }

    @Test
    void removedSessionKeepsNothingEvenWhenAppendedToAfterwards() {
        try (RedisScaleOut r = scaleOut().build()) {
            EventStore store = r.eventStore();
            store.append("s", "1", "a");
            store.removeSession("s");
            String late = store.append("s", "1", "b");
            assertThat(late).isEqualTo("1_2");
            assertThat(store.replayAfter("s", "1_0").events()).isEmpty();
            try (Jedis j = redis.connect()) {
                assertThat(j.keys(r.keyPrefix() + "ev:s:*")).containsExactly(r.keyPrefix() + "ev:s:removed");
            }
        }
    }

    @Test
    void everyKeyHasATtlAndExpires() {
        try (RedisScaleOut r = scaleOut()
                .eventTtl(Duration.ofMillis(300))
                .maxEventsPerSession(1)
                .build()) {
            EventStore store = r.eventStore();
            store.append("s", "1", "a");
            store.append("s", "2", "b");
            try (Jedis j = redis.connect()) {
                for (String key : j.keys(r.keyPrefix() + "*")) {
                    assertThat(j.pttl(key)).as(key).isBetween(1L, 300L);
                }
                Poll.until("the session's keys expire", () -> j.keys(r.keyPrefix() + "*")
                        .isEmpty());
            }
            assertThat(store.replayAfter("s", "2_0").events()).isEmpty();
        }
    }

    @Test
    void namespacesAreIsolated() {
        try (RedisScaleOut a = scaleOut().build();
                RedisScaleOut b = scaleOut().build()) {
            a.eventStore().append("s", "1", "from a");
            assertThat(b.eventStore().replayAfter("s", "1_0").events()).isEmpty();
            assertThat(b.eventStore().append("s", "1", "from b")).isEqualTo("1_1");
            assertThat(a.eventStore().replayAfter("s", "1_0").events())
                    .extracting(EventStore.StoredEvent::message)
                    .containsExactly("from a");
            try (Jedis j = redis.connect()) {
                assertThat(j.keys("*")).allMatch(k -> k.startsWith("jmcp:"));
            }
        }
    }
}
