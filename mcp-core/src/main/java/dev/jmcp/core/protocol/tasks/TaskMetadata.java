package dev.jmcp.core.protocol.tasks;

/**
 * The {@code task} param of a task-augmented request.
 *
 * @param ttl requested retention in milliseconds from creation, null when absent
 */
public record TaskMetadata(Long ttl) {
    /**
     * Task augmentation with the given retention.
     *
     * @param ttlMs the requested retention in milliseconds from creation
     * @return the {@code task} param
     */
    public static TaskMetadata ttl(long ttlMs) {
        return new TaskMetadata(ttlMs);
    }

    /**
     * Task augmentation with the receiver's default retention.
     *
     * @return the {@code task} param without {@code ttl}
     */
    public static TaskMetadata defaults() {
        return new TaskMetadata(null);
    }
}
