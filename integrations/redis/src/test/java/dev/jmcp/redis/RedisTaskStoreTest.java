package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.server.StoredTask;
import dev.jmcp.server.TaskStore;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The Redis task store against a real redis-server: the TaskStore contract, TTLs, namespaces (#18). */
class RedisTaskStoreTest {
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
        return RedisScaleOut.builder().uri(redis.uri()).namespace("k" + (++namespaces));
    }

    private static StoredTask task(String id, String owner, Instant created, long ttlMs) {
        return new StoredTask(id, owner, TaskStatus.WORKING, null, created, created, ttlMs, 500, false, null, null);
    }

    private static StoredTask with(StoredTask t, TaskStatus status) {
        return new StoredTask(
                t.taskId(),
                t.owner(),
                status,
                "now " + status.wire(),
                t.createdAt(),
                Instant.now(),
                t.ttlMs(),
                t.pollIntervalMs(),
                t.extension(),
                status == TaskStatus.COMPLETED ? McpJson.parse("{\"content\":[]}") : null,
                status == TaskStatus.CANCELLED ? new JsonRpcError(-32800, "cancelled", null) : null);
    }

    @Test
    void aTaskCreatedOnOneInstanceIsFoundListedAndUpdatedOnAnother() {
        try (RedisScaleOut one = scaleOut().build();
                RedisScaleOut two = RedisScaleOut.builder()
                        .uri(redis.uri())
                        .namespace("k" + namespaces)
                        .build()) {
            Instant now = Instant.now();
            StoredTask a = task("a", "session:1", now.minusMillis(10), 60_000);
            StoredTask b = task("b", "session:1", now, 60_000);
            assertThat(one.taskStore().create(b, 10)).isTrue();
            assertThat(one.taskStore().create(a, 10)).isTrue();
            assertThat(one.taskStore().create(task("c", "session:2", now, 60_000), 10))
                    .isTrue();
            assertThat(two.taskStore().find("a")).isEqualTo(a);
            assertThat(two.taskStore().list("session:1"))
                    .extracting(StoredTask::taskId)
                    .containsExactly("a", "b");
            StoredTask done = with(a, TaskStatus.COMPLETED);
            assertThat(two.taskStore().update(done)).isTrue();
            assertThat(one.taskStore().find("a")).isEqualTo(done);
            assertThat(one.taskStore().find("zzz")).isNull();
        }
    }

    @Test
    void aTerminalTaskNeverChangesAndTheFirstOfCompletionAndCancellationWins() throws Exception {
        try (RedisScaleOut r = scaleOut().build()) {
            TaskStore store = r.taskStore();
            StoredTask t = task("t", "o", Instant.now(), 60_000);
            store.create(t, 10);
            assertThat(store.update(with(t, TaskStatus.INPUT_REQUIRED))).isTrue();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> complete = pool.submit(() -> store.update(with(t, TaskStatus.COMPLETED)));
                Future<Boolean> cancel = pool.submit(() -> store.update(with(t, TaskStatus.CANCELLED)));
                assertThat(complete.get() ^ cancel.get()).as("exactly one wins").isTrue();
            } finally {
                pool.shutdown();
            }
            TaskStatus winner = store.find("t").status();
            assertThat(store.update(with(t, TaskStatus.FAILED))).isFalse();
            assertThat(store.find("t").status()).isEqualTo(winner);
            assertThat(store.update(task("missing", "o", Instant.now(), 60_000)))
                    .isFalse();
        }
    }

    @Test
    void anOwnerHoldsAtMostTheMaximumOfUnexpiredTasks() {
        try (RedisScaleOut r = scaleOut().build()) {
            TaskStore store = r.taskStore();
            Instant now = Instant.now();
            assertThat(store.create(task("short", "o", now, 300), 2)).isTrue();
            assertThat(store.create(task("long", "o", now, 60_000), 2)).isTrue();
            assertThat(store.create(task("third", "o", now, 60_000), 2)).isFalse();
            assertThat(store.create(task("other", "p", now, 60_000), 2))
                    .as("per owner")
                    .isTrue();
            Poll.until("the short task expires", () -> store.find("short") == null);
            assertThat(store.create(task("third", "o", Instant.now(), 60_000), 2))
                    .isTrue();
            assertThat(store.list("o")).extracting(StoredTask::taskId).containsExactlyInAnyOrder("long", "third");
        }
    }

    @Test
    void tasksExpireAtTheirTtlCappedByTheMaximumAndDeleteForgetsThem() {
        try (RedisScaleOut r = scaleOut().maxTaskTtl(Duration.ofSeconds(30)).build()) {
            TaskStore store = r.taskStore();
            store.create(task("huge", "o", Instant.now(), Duration.ofDays(30).toMillis()), 10);
            store.create(task("gone", "o", Instant.now(), 60_000), 10);
            try (Jedis j = redis.connect()) {
                assertThat(j.pttl(r.keyPrefix() + "task:huge")).isBetween(1L, 30_000L);
                assertThat(j.pttl(r.keyPrefix() + "tasks:o")).isPositive();
            }
            store.delete("gone");
            assertThat(store.find("gone")).isNull();
            assertThat(store.list("o")).extracting(StoredTask::taskId).containsExactly("huge");
        }
    }

    @Test
    void namespacesAreIsolated() {
        try (RedisScaleOut a = scaleOut().build();
                RedisScaleOut b = scaleOut().build()) {
            a.taskStore().create(task("t", "o", Instant.now(), 60_000), 1);
            assertThat(b.taskStore().find("t")).isNull();
            assertThat(b.taskStore().list("o")).isEmpty();
            assertThat(b.taskStore().create(task("t2", "o", Instant.now(), 60_000), 1))
                    .isTrue();
            List<String> ids = new ArrayList<>();
            a.taskStore().list("o").forEach(t -> ids.add(t.taskId()));
            assertThat(ids).containsExactly("t");
        }
    }

    @Test
    void aLeaseInForceBlocksClaimsOneOfTwoClaimersWinsAndAnEndedTaskIsNeverClaimed() {
        try (RedisScaleOut one = scaleOut().build()) {
            TaskStore store = one.taskStore();
            StoredTask t = task("leased", "session:1", Instant.now(), 60_000);
            assertThat(store.create(t, 10)).isTrue();
            Duration lease = Duration.ofMillis(300);
            assertThat(store.renewLease("leased", "runner", lease)).isTrue();
            assertThat(store.claim("leased", "other", lease))
                    .as("the lease is in force")
                    .isFalse();
            assertThat(store.renewLease("leased", "other", lease)).isFalse();
            assertThat(store.renewLease("leased", "runner", lease))
                    .as("its holder renews it")
                    .isTrue();
            Poll.until("the lease expired and one claimer took the task", () -> store.claim("leased", "b", lease));
            assertThat(store.claim("leased", "c", lease)).as("b holds it now").isFalse();
            assertThat(store.renewLease("leased", "runner", lease))
                    .as("the old runner learns it lost the task")
                    .isFalse();
            store.releaseLease("leased", "b");
            assertThat(store.claim("leased", "c", lease))
                    .as("released: claimed at once")
                    .isTrue();
            assertThat(store.update(with(t, TaskStatus.COMPLETED))).isTrue();
            store.releaseLease("leased", "c");
            assertThat(store.claim("leased", "d", lease)).as("a completed task").isFalse();
            assertThat(store.renewLease("leased", "c", lease)).isFalse();
        }
    }
}
