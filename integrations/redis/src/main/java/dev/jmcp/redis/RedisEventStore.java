package dev.jmcp.redis;

import dev.jmcp.redis.internal.Keys;
import dev.jmcp.redis.internal.LuaScript;
import dev.jmcp.transport.http.servlet.EventStore;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * An {@link EventStore} on Redis, shared by every instance of a server, so a client that lost its stream resumes it
 * with {@code Last-Event-ID} on any instance.
 *
 * <p>Same bounds and eviction as {@link dev.jmcp.transport.http.servlet.InMemoryEventStore}: at most so many events
 * and bytes per session; over a bound the oldest event of the session's largest stream goes, and a resumption from
 * before an evicted event is reported incomplete, never answered with a silent gap. An event costs its length in
 * characters plus {@value dev.jmcp.transport.http.servlet.InMemoryEventStore#EVENT_OVERHEAD_BYTES} bytes. There is no
 * global byte bound here: that is Redis's {@code maxmemory}. Each append or replay is one atomic Lua script (one
 * round trip); every key of a session expires {@link RedisScaleOut.Builder#eventTtl event TTL} after its last
 * append. Obtain it from {@link RedisScaleOut#eventStore()}.
 */
public final class RedisEventStore implements EventStore {
    /** Ids of emptied streams remembered per session (with the last sequence each lost), as in memory. */
    static final int MAX_EMPTIED_STREAMS = 256;

    private static final LuaScript APPEND = LuaScript.resource("event-append.lua");
    private static final LuaScript REPLAY = LuaScript.resource("event-replay.lua");
    private static final LuaScript REMOVE = LuaScript.resource("event-remove.lua");

    private final JedisPool pool;
    private final Keys keys;
    private final int maxEventsPerSession;
    private final long maxBytesPerSession;
    private final String ttlMillis;
    private final String maxEventsArg;
    private final String maxBytesArg;
    private static final String MAX_EMPTIED_ARG = Integer.toString(MAX_EMPTIED_STREAMS);

    RedisEventStore(JedisPool pool, Keys keys, int maxEventsPerSession, long maxBytesPerSession, long ttlMillis) {
        this.pool = pool;
        this.keys = keys;
        this.maxEventsPerSession = maxEventsPerSession;
        this.maxBytesPerSession = maxBytesPerSession;
        this.ttlMillis = Long.toString(ttlMillis);
        this.maxEventsArg = Integer.toString(maxEventsPerSession);
        this.maxBytesArg = Long.toString(maxBytesPerSession);
    }

    @Override
    public String append(String sessionId, String streamId, String message) {
        String base = keys.events(sessionId);
        long cost = (long) message.length() + dev.jmcp.transport.http.servlet.InMemoryEventStore.EVENT_OVERHEAD_BYTES;
        Object seq;
        try (Jedis jedis = pool.getResource()) {
            seq = APPEND.run(
                    jedis,
                    List.of(
                            base + "meta",
                            base + "evicted",
                            base + "emptied",
                            base + "removed",
                            base + "s:" + streamId),
                    List.of(
                            streamId,
                            Long.toString(cost),
                            message,
                            maxEventsArg,
                            maxBytesArg,
                            ttlMillis,
                            base + "s:",
                            MAX_EMPTIED_ARG));
        }
        return streamId + "_" + seq;
    }

    @Override
    public List<StoredEvent> eventsAfter(String sessionId, String lastEventId) {
        return replayAfter(sessionId, lastEventId).events();
    }

    @Override
    public Replay replayAfter(String sessionId, String lastEventId) {
        String streamId = EventStore.streamIdOf(lastEventId);
        long after = EventStore.sequenceOf(lastEventId);
        if (streamId == null || after < 0) {
            return new Replay(List.of(), true);
        }
        String base = keys.events(sessionId);
        List<?> reply;
        try (Jedis jedis = pool.getResource()) {
            reply = (List<?>) REPLAY.run(
                    jedis, List.of(base + "meta", base + "evicted", base + "s:" + streamId), List.of(streamId));
        }
        if (((Long) reply.get(0)) == 0) {
            return new Replay(List.of(), true);
        }
        boolean live = ((Long) reply.get(1)) == 1;
        long evictedThrough = (Long) reply.get(2);
        long forgottenThrough = (Long) reply.get(3);
        if (!live) {
            long lost = evictedThrough >= 0 ? evictedThrough : forgottenThrough;
            return new Replay(List.of(), lost <= after);
        }
        List<?> entries = (List<?>) reply.get(4);
        if (entries.isEmpty()) {
            return new Replay(List.of(), false); // the stream's list expired while the session lived on
        }
        List<StoredEvent> out = new ArrayList<>();
        for (Object o : entries) {
            String entry = (String) o;
            int c1 = entry.indexOf(':');
            int c2 = entry.indexOf(':', c1 + 1);
            long seq = Long.parseLong(entry, 0, c1, 10);
            if (seq > after) {
                out.add(new StoredEvent(streamId + "_" + seq, streamId, entry.substring(c2 + 1)));
            }
        }
        return new Replay(out, Math.max(evictedThrough, 0) <= after);
    }

    @Override
    public void removeSession(String sessionId) {
        String base = keys.events(sessionId);
        try (Jedis jedis = pool.getResource()) {
            REMOVE.run(
                    jedis,
                    List.of(base + "meta", base + "evicted", base + "emptied", base + "removed"),
                    List.of(base + "s:", ttlMillis));
        }
    }

    /**
     * Events kept per session.
     *
     * @return events kept per session
     */
    public int maxEventsPerSession() {
        return maxEventsPerSession;
    }

    /**
     * Bytes kept per session.
     *
     * @return bytes kept per session
     */
    public long maxBytesPerSession() {
        return maxBytesPerSession;
    }
}
