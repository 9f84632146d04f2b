package dev.jmcp.redis;

import dev.jmcp.redis.internal.Keys;
import dev.jmcp.server.SessionStore;
import dev.jmcp.server.StoredSession;
import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link SessionStore} on Redis: one string key per session ({@code jmcp:<namespace>:session:<id>}) holding
 * {@link StoredSession#toJson()}, with the TTL the server asks for (refreshed by {@link #touch}). One round trip per
 * call. Obtain it from {@link RedisScaleOut#sessionStore()}.
 */
public final class RedisSessionStore implements SessionStore {
    private final JedisPool pool;
    private final Keys keys;

    RedisSessionStore(JedisPool pool, Keys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public void save(StoredSession session, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(
                    keys.session(session.sessionId()),
                    session.toJson(),
                    SetParams.setParams().px(millis(ttl)));
        }
    }

    @Override
    public StoredSession find(String sessionId) {
        String json;
        try (Jedis jedis = pool.getResource()) {
            json = jedis.get(keys.session(sessionId));
        }
        return json == null ? null : StoredSession.fromJson(json);
    }

    @Override
    public void touch(String sessionId, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.pexpire(keys.session(sessionId), millis(ttl));
        }
    }

    @Override
    public void delete(String sessionId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(keys.session(sessionId));
        }
    }

    private static long millis(Duration ttl) {
        return Math.max(1, ttl.toMillis());
    }
}
