package dev.jmcp.server;

import java.util.List;

/**
 * Where a scaled-out server keeps its tasks (status, outcome, TTL, owner), so that a task created on one instance
 * is polled ({@code tasks/get}, {@code tasks/result}), listed and cancelled on another, and its outcome outlives the
 * instance that ran it. The instance that runs a task's handler writes every status change here; the others read.
 * A cancellation made elsewhere is written here first (so it wins over a later completion) and then told to the
 * running instance over the server's {@link dev.jmcp.core.bus.MessageBus}.
 *
 * <p>A task expires {@link StoredTask#ttlMs()} after its creation, everywhere. No store is configured by default:
 * tasks then live in the memory of the instance that created them (exactly today's behaviour). {@link
 * InMemoryTaskStore} shares tasks between servers in one JVM; {@code integrations/redis} between processes.
 * Implementations must be thread-safe, and {@link #create} and {@link #update} atomic.
 */
public interface TaskStore {

    /**
     * Creates {@code task} unless its owner already holds {@code maxPerOwner} unexpired tasks.
     *
     * @param task the task
     * @param maxPerOwner the most unexpired tasks one owner may hold
     * @return false when refused (the owner holds the maximum)
     */
    boolean create(StoredTask task, int maxPerOwner);

    /**
     * Replaces the stored task with {@code task} (same id) unless the stored one is terminal, expired or missing:
     * a terminal status never changes, so the first of a completion and a cancellation wins.
     *
     * @param task the stored task with {@code task} (same id) unless the stored one is terminal, expired or missing: a
     *     terminal status never changes, so the first of a completion and a cancellation wins
     * @return whether it was replaced
     */
    boolean update(StoredTask task);

    /**
     * The task {@code taskId}, or null when unknown or expired.
     *
     * @param taskId the task's id
     * @return the task {@code taskId}, or null when unknown or expired
     */
    StoredTask find(String taskId);

    /**
     * The unexpired tasks of {@code owner}, oldest first.
     *
     * @param owner the owner
     * @return the unexpired tasks of {@code owner}, oldest first
     */
    List<StoredTask> list(String owner);

    /**
     * Forgets task {@code taskId}.
     *
     * @param taskId the task's id
     */
    void delete(String taskId);
}
