package dev.jmcp.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TaskStore} in this JVM's memory, for several servers in one process (tests, embedded setups) that share
 * one instance of it. Expired tasks are dropped when looked up and when their owner creates another.
 */
public final class InMemoryTaskStore implements TaskStore {
    private final Map<String, StoredTask> tasks = new ConcurrentHashMap<>();
    /** Per task: its lease holder and until when the lease is in force. */
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    private record Lease(String holder, long untilNanos) {
        boolean inForce() {
            return untilNanos - System.nanoTime() > 0;
        }
    }

    @Override
    public synchronized boolean create(StoredTask task, int maxPerOwner) {
        Instant now = Instant.now();
        tasks.values()
                .removeIf(t -> t.owner().equals(task.owner()) && !t.expiresAt().isAfter(now));
        leases.keySet().removeIf(id -> !tasks.containsKey(id));
        long held = tasks.values().stream()
                .filter(t -> t.owner().equals(task.owner()))
                .count();
        if (held >= maxPerOwner) {
            return false;
        }
        tasks.put(task.taskId(), task);
        return true;
    }

    @Override
    public synchronized boolean update(StoredTask task) {
        StoredTask stored = find(task.taskId());
        if (stored == null || stored.isTerminal()) {
            return false;
        }
        tasks.put(task.taskId(), task);
        return true;
    }

    @Override
    public StoredTask find(String taskId) {
        StoredTask t = tasks.get(taskId);
        if (t != null && !t.expiresAt().isAfter(Instant.now())) {
            tasks.remove(taskId, t);
            return null;
        }
        return t;
    }

    @Override
    public List<StoredTask> list(String owner) {
        Instant now = Instant.now();
        return tasks.values().stream()
                .filter(t -> t.owner().equals(owner) && t.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(StoredTask::createdAt))
                .toList();
    }

    @Override
    public void delete(String taskId) {
        tasks.remove(taskId);
        leases.remove(taskId);
    }

    @Override
    public synchronized boolean renewLease(String taskId, String holder, Duration lease) {
        StoredTask t = find(taskId);
        Lease held = leases.get(taskId);
        if (t == null
                || t.isTerminal()
                || held != null && held.inForce() && !held.holder().equals(holder)) {
            return false;
        }
        leases.put(taskId, new Lease(holder, System.nanoTime() + lease.toNanos()));
        return true;
    }

    @Override
    public synchronized boolean claim(String taskId, String holder, Duration lease) {
        StoredTask t = find(taskId);
        Lease held = leases.get(taskId);
        if (t == null || t.isTerminal() || held != null && held.inForce()) {
            return false;
        }
        leases.put(taskId, new Lease(holder, System.nanoTime() + lease.toNanos()));
        return true;
    }

    @Override
    public synchronized void releaseLease(String taskId, String holder) {
        Lease held = leases.get(taskId);
        if (held != null && held.holder().equals(holder)) {
            leases.remove(taskId);
        }
    }
}
