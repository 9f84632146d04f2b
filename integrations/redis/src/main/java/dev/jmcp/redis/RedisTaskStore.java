package dev.jmcp.redis;

import dev.jmcp.redis.internal.Keys;
import dev.jmcp.redis.internal.LuaScript;
import dev.jmcp.server.StoredTask;
import dev.jmcp.server.TaskStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A {@link TaskStore} on Redis: each task a string key ({@code jmcp:<namespace>:task:<id>}, its JSON) expiring at
 * the task's {@link StoredTask#expiresAt()} (at most {@link RedisScaleOut.Builder#maxTaskTtl} from its creation), and each owner a sorted set of its task ids by creation time ({@code
 * jmcp:<namespace>:tasks:<owner>}) that lives as long as its longest-lived task. {@link #create} (with the per-owner
 * limit) and {@link #update} (a terminal task never changes) are atomic Lua scripts, as are the task leases (key
 * {@code jmcp:<namespace>:lease:<taskId>}: the running instance's name, expiring after the lease). Obtain it from {@link
 * RedisScaleOut#taskStore()}.
 */
public final class RedisTaskStore implements TaskStore {
    private static final LuaScript CREATE = LuaScript.resource("task-create.lua");
    private static final LuaScript UPDATE = LuaScript.resource("task-update.lua");
    private static final LuaScript DELETE = LuaScript.resource("task-delete.lua");
    private static final LuaScript LEASE = LuaScript.resource("task-lease.lua");
    private static final LuaScript RELEASE = LuaScript.resource("task-release.lua");

    private final JedisPool pool;
    private final Keys keys;
    private final long maxTtlMillis;

    RedisTaskStore(JedisPool pool, Keys keys, long maxTtlMillis) {
        this.pool = pool;
        this.keys = keys;
        this.maxTtlMillis = maxTtlMillis;
    }

    @Override
    public boolean create(StoredTask task, int maxPerOwner) {
        long ttl = Math.min(maxTtlMillis, task.expiresAt().toEpochMilli() - System.currentTimeMillis());
        if (ttl <= 0) {
            return true; // already expired: nothing to keep (nobody could find it)
        }
        try (Jedis jedis = pool.getResource()) {
            Object created = CREATE.run(
                    jedis,
                    List.of(keys.task(task.taskId()), ownerKey(task.owner())),
                    List.of(
                            task.taskId(),
                            task.toJson(),
                            Long.toString(ttl),
                            Integer.toString(maxPerOwner),
                            Long.toString(task.createdAt().toEpochMilli()),
                            keys.task("")));
            return ((Long) created) == 1;
        }
    }

    @Override
    public boolean update(StoredTask task) {
        try (Jedis jedis = pool.getResource()) {
            return ((Long) UPDATE.run(jedis, List.of(keys.task(task.taskId())), List.of(task.toJson()))) == 1;
        }
    }

    @Override
    public StoredTask find(String taskId) {
        String json;
        try (Jedis jedis = pool.getResource()) {
            json = jedis.get(keys.task(taskId));
        }
        return json == null ? null : StoredTask.fromJson(json);
    }

    @Override
    public List<StoredTask> list(String owner) {
        List<StoredTask> out = new ArrayList<>();
        try (Jedis jedis = pool.getResource()) {
            List<String> ids = jedis.zrange(ownerKey(owner), 0, -1);
            if (ids.isEmpty()) {
                return out;
            }
            String[] taskKeys = ids.stream().map(keys::task).toArray(String[]::new);
            for (String json : jedis.mget(taskKeys)) {
                StoredTask t = json == null ? null : StoredTask.fromJson(json);
                if (t != null && t.owner().equals(owner)) {
                    out.add(t);
                }
            }
        }
        out.sort(Comparator.comparing(StoredTask::createdAt));
        return out;
    }

    @Override
    public void delete(String taskId) {
        try (Jedis jedis = pool.getResource()) {
            DELETE.run(jedis, List.of(keys.task(taskId)), List.of(keys.prefix() + "tasks:"));
        }
    }

    // the lease: key jmcp:<namespace>:lease:<taskId>, holding the holder's name, expiring after the lease; one script
    @Override
    public boolean renewLease(String taskId, String holder, Duration lease) {
        return lease(taskId, holder, lease, "0");
    }

    // a claim: one script call, so one of several claimers wins
    @Override
    public boolean claim(String taskId, String holder, Duration lease) {
        return lease(taskId, holder, lease, "1");
    }

    @Override
    public void releaseLease(String taskId, String holder) {
        try (Jedis jedis = pool.getResource()) {
            RELEASE.run(jedis, List.of(leaseKey(taskId)), List.of(holder));
        }
    }

    private boolean lease(String taskId, String holder, Duration lease, String claim) {
        try (Jedis jedis = pool.getResource()) {
            Object held = LEASE.run(
                    jedis,
                    List.of(keys.task(taskId), leaseKey(taskId)),
                    List.of(holder, Long.toString(Math.max(1, lease.toMillis())), claim));
            return ((Long) held) == 1;
        }
    }

    private String leaseKey(String taskId) {
        return keys.prefix() + "lease:" + taskId;
    }

    private String ownerKey(String owner) {
        return keys.prefix() + "tasks:" + owner;
    }
}
