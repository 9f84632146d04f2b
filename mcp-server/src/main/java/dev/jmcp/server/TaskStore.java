package dev.jmcp.server;

import java.time.Duration;
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
     * @param task the new task
     * @param maxPerOwner how many unexpired tasks one owner may hold
     * @return false when refused (the owner holds the maximum)
     */
    boolean create(StoredTask task, int maxPerOwner);

    /**
     * Replaces the stored task with {@code task} (same id) unless the stored one is terminal, expired or missing:
     * a terminal status never changes, so the first of a completion and a cancellation wins.
     *
     * @param task the task's new state
     * @return whether it was replaced
     */
    boolean update(StoredTask task);

    /**
     * Finds a task.
     *
     * @param taskId the task
     * @return the task, or null when unknown or expired
     */
    StoredTask find(String taskId);

    /**
     * Lists an owner's tasks.
     *
     * @param owner the owner ({@link StoredTask#owner()})
     * @return its unexpired tasks, oldest first
     */
    List<StoredTask> list(String owner);

    /**
     * Forgets a task.
     *
     * @param taskId the task
     */
    void delete(String taskId);

    /**
     * Takes or extends the lease of {@code holder} (an instance) on a task it runs: the lease lasts {@code lease}
     * from now. Refused when another holder's lease is in force (another instance claimed the task) or the task is
     * terminal, expired or missing. The default (a store without leases) accepts and keeps nothing, so its tasks
     * are never claimed.
     *
     * @param taskId the task
     * @param holder the instance running the task's handler
     * @param lease how long the lease lasts unless renewed
     * @return false when the running instance should stop: the task ended or another instance claimed it
     */
    default boolean renewLease(String taskId, String holder, Duration lease) {
        return true;
    }

    /**
     * Atomically claims a task whose running instance stopped: succeeds only when the task is not terminal and no
     * lease is in force (the holder stopped renewing it), and then gives {@code holder} the lease. Exactly one of
     * several instances claiming at once succeeds. The default (a store without leases) never claims.
     *
     * @param taskId the task
     * @param holder the claiming instance
     * @param lease how long the new lease lasts unless renewed
     * @return whether {@code holder} now holds the task
     */
    default boolean claim(String taskId, String holder, Duration lease) {
        return false;
    }

    /**
     * Gives up {@code holder}'s lease on a task (the instance is shutting down), so that another instance claims it
     * at once rather than after the lease expires. Does nothing when another holder holds it.
     *
     * @param taskId the task
     * @param holder the instance that held it
     */
    default void releaseLease(String taskId, String holder) {}
}
