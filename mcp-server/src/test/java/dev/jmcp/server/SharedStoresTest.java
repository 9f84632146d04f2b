package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stored shapes of issue #18 and the in-memory stores. */
class SharedStoresTest {

    static StoredSession session(String id) {
        return new StoredSession(
                id,
                ProtocolVersion.V2025_11_25,
                McpJson.parse("{\"elicitation\":{},\"extensions\":{\"x\":{}}}"),
                McpJson.parse("{\"name\":\"c\",\"version\":\"1\"}"),
                ServerCapabilities.builder().logging().tools(true).build(),
                "client:app",
                "warning",
                Set.of("file:///a", "file:///b"));
    }

    static StoredTask task(String id, String owner, TaskStatus status) {
        Instant now = Instant.now();
        return new StoredTask(id, owner, status, null, now, now, 60_000, 500, false, null, null);
    }

    @Test
    void aStoredSessionSurvivesItsJsonForm() {
        StoredSession s = session("s1");
        assertThat(StoredSession.fromJson(s.toJson())).isEqualTo(s);
        StoredSession bare = new StoredSession("s2", ProtocolVersion.V2025_03_26, null, null, null, null, null, null);
        assertThat(StoredSession.fromJson(bare.toJson())).isEqualTo(bare);
    }

    @Test
    void aStoredTaskSurvivesItsJsonFormWithItsOutcome() {
        StoredTask done = new StoredTask(
                "t1",
                "session:s",
                TaskStatus.COMPLETED,
                "ok",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01Z"),
                1000,
                500,
                true,
                McpJson.parse("{\"content\":[]}"),
                null);
        assertThat(StoredTask.fromJson(done.toJson())).isEqualTo(done);
        StoredTask failed = new StoredTask(
                "t2",
                "stateless",
                TaskStatus.FAILED,
                null,
                done.createdAt(),
                done.lastUpdatedAt(),
                1000,
                500,
                false,
                null,
                JsonRpcError.of(-32600, "no"));
        assertThat(StoredTask.fromJson(failed.toJson())).isEqualTo(failed);
    }

    @Test
    void theInMemorySessionStoreForgetsASessionAtItsTtlUnlessTouched() {
        InMemorySessionStore store = new InMemorySessionStore();
        store.save(session("short"), Duration.ofMillis(150));
        store.save(session("kept"), Duration.ofMillis(150));
        store.save(session("deleted"), Duration.ofMinutes(1));
        store.delete("deleted");
        assertThat(store.find("deleted")).isNull();
        Poll.until("the untouched session expired", () -> {
            store.touch("kept", Duration.ofMillis(150));
            return store.find("short") == null;
        });
        assertThat(store.find("kept")).isEqualTo(session("kept"));
        store.touch("unknown", Duration.ofMinutes(1));
        assertThat(store.find("unknown")).isNull();
    }

    @Test
    void theInMemoryTaskStoreCapsAnOwnerAndNeverChangesATerminalTask() {
        InMemoryTaskStore store = new InMemoryTaskStore();
        assertThat(store.create(task("a", "o", TaskStatus.WORKING), 2)).isTrue();
        assertThat(store.create(task("b", "o", TaskStatus.WORKING), 2)).isTrue();
        assertThat(store.create(task("c", "o", TaskStatus.WORKING), 2)).isFalse();
        assertThat(store.create(task("d", "other", TaskStatus.WORKING), 2)).isTrue();
        assertThat(store.list("o")).extracting(StoredTask::taskId).containsExactly("a", "b");

        assertThat(store.update(task("a", "o", TaskStatus.CANCELLED))).isTrue();
        assertThat(store.update(task("a", "o", TaskStatus.COMPLETED))).isFalse();
        assertThat(store.find("a").status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(store.update(task("missing", "o", TaskStatus.COMPLETED))).isFalse();
        store.delete("b");
        assertThat(store.find("b")).isNull();
    }

    @Test
    void theInMemoryTaskStoreLeasesATaskToOneHolderAndLetsOneClaimerTakeItOnceTheLeaseExpired() {
        InMemoryTaskStore store = new InMemoryTaskStore();
        StoredTask t = task("t", "session:1", TaskStatus.WORKING);
        assertThat(store.create(t, 10)).isTrue();
        Duration lease = Duration.ofMillis(200);
        assertThat(store.renewLease("t", "runner", lease)).isTrue();
        assertThat(store.claim("t", "other", lease)).as("in force").isFalse();
        assertThat(store.renewLease("t", "other", lease)).isFalse();
        Poll.until("the lease expired and a claimer took it", () -> store.claim("t", "b", lease));
        assertThat(store.claim("t", "c", lease)).isFalse();
        assertThat(store.renewLease("t", "runner", lease))
                .as("the runner lost it")
                .isFalse();
        store.releaseLease("t", "b");
        assertThat(store.claim("t", "c", lease)).as("released: claimed at once").isTrue();
        StoredTask request = new StoredTask(
                "t",
                "session:1",
                TaskStatus.COMPLETED,
                null,
                t.createdAt(),
                Instant.now(),
                60_000,
                500,
                false,
                McpJson.parse("{\"content\":[]}"),
                null,
                McpJson.parse("{\"name\":\"tool\",\"arguments\":{\"a\":1}}"));
        assertThat(StoredTask.fromJson(request.toJson()))
                .as("the stored request survives JSON")
                .isEqualTo(request);
        assertThat(store.update(request)).isTrue();
        assertThat(store.claim("t", "d", Duration.ofNanos(1)))
                .as("a completed task is never claimed")
                .isFalse();
    }
}
