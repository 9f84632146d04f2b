package dev.jmcp.core.protocol.tasks;

import java.util.Objects;

/**
 * The value of the {@link dev.jmcp.core.protocol.MetaKeys#RELATED_TASK} {@code _meta} key.
 *
 * @param taskId the related task's id
 */
public record RelatedTask(String taskId) {
    /**
     * Creates the value; {@code taskId} is required.
     *
     * @param taskId the related task's id
     */
    public RelatedTask {
        Objects.requireNonNull(taskId, "taskId");
    }
}
