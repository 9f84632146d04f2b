package dev.jmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.server.SessionStore;
import dev.jmcp.server.StoredSession;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The Redis session store against a real redis-server: save/find/touch/delete, TTLs, namespaces (#18). */
class RedisSessionStoreTest {
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

    private static RedisScaleOut scaleOut() {
        return RedisScaleOut.builder()
                .uri(redis.uri())
                .namespace("s" + (++namespaces))
                .build();
    }

    private static StoredSession session(String id) {
        return new StoredSession(
                id,
                ProtocolVersion.V2025_11_25,
                McpJson.parse("{\"elicitation\":{}}"),
                McpJson.parse("{\"name\":\"c\",\"version\":\"1\"}"),
                ServerCapabilities.none(),
                "principal:alice",
                "info",
                Set.of("file:///a"));
    }

    @Test
    void aSavedSessionIsFoundByAnotherInstanceAndChangesAreSavedAgain() {
        try (RedisScaleOut one = scaleOut();
                RedisScaleOut two = RedisScaleOut.builder()
                        .uri(redis.uri())
                        .namespace("s" + namespaces)
                        .build()) {
            StoredSession s = session("abc");
            one.sessionStore().save(s, Duration.ofMinutes(1));
            assertThat(two.sessionStore().find("abc")).isEqualTo(s);
            two.sessionStore().save(s.withLogLevel("debug").withResourceSubscriptions(Set.of()), Duration.ofMinutes(1));
            StoredSession changed = one.sessionStore().find("abc");
            assertThat(changed.logLevel()).isEqualTo("debug");
            assertThat(changed.resourceSubscriptions()).isEmpty();
            assertThat(one.sessionStore().find("unknown")).isNull();
        }
    }

    @Test
    void aSessionExpiresAfterItsTtlUnlessTouched() {
        try (RedisScaleOut r = scaleOut()) {
            SessionStore store = r.sessionStore();
            store.save(session("kept"), Duration.ofMillis(400));
            store.save(session("dropped"), Duration.ofMillis(400));
            store.touch("kept", Duration.ofMinutes(1));
            store.touch("never-saved", Duration.ofMinutes(1));
            Poll.until("the untouched session expires", () -> store.find("dropped") == null);
            assertThat(store.find("kept")).isNotNull();
            try (Jedis j = redis.connect()) {
                assertThat(j.pttl(r.keyPrefix() + "session:kept")).isBetween(1L, 60_000L);
                assertThat(j.exists(r.keyPrefix() + "session:never-saved")).isFalse();
            }
        }
    }

    @Test
    void deleteForgetsTheSessionAndNamespacesAreIsolated() {
        try (RedisScaleOut a = scaleOut();
                RedisScaleOut b = scaleOut()) {
            a.sessionStore().save(session("x"), Duration.ofMinutes(1));
            assertThat(b.sessionStore().find("x")).isNull();
            b.sessionStore().delete("x");
            assertThat(a.sessionStore().find("x")).isNotNull();
            a.sessionStore().delete("x");
            assertThat(a.sessionStore().find("x")).isNull();
        }
    }
}
