package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/tasks/status}. The {@link Task} fields, flattened, plus {@code _meta}.
 *
 * @param taskId the task's id, as the receiver generated it
 * @param status the task's current status, e.g. {@code working} or {@code completed}
 * @param statusMessage a human-readable message on the current status, e.g. why it failed, null when absent
 * @param createdAt ISO 8601 creation time
 * @param lastUpdatedAt ISO 8601 time of the last update
 * @param ttl retention in milliseconds, null for unlimited (written as JSON null)
 * @param pollInterval suggested polling interval in milliseconds, null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record TaskStatusNotification(
        String taskId,
        TaskStatus status,
        String statusMessage,
        String createdAt,
        String lastUpdatedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long ttl,
        Long pollInterval,
        @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the value; the required {@link Task} fields are checked.
     *
     * @param taskId the task's id, as the receiver generated it
     * @param status the task's current status, e.g. {@code working} or {@code completed}
     * @param statusMessage a human-readable message on the current status, e.g. why it failed, null when absent
     * @param createdAt ISO 8601 creation time
     * @param lastUpdatedAt ISO 8601 time of the last update
     * @param ttl retention in milliseconds, null for unlimited (written as JSON null)
     * @param pollInterval suggested polling interval in milliseconds, null when absent
     * @param meta the {@code _meta} object, null when absent
     */
    public TaskStatusNotification {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    }

    /**
     * The flattened form of {@code task} with the given {@code _meta} (may be null); the supported way to build
     * one: build the {@link Task} with {@link Task#builder}.
     *
     * @param task the task whose state the notification carries
     * @param meta the {@code _meta} object, null when absent
     * @return the flattened form of {@code task} with the given {@code _meta}
     */
    public static TaskStatusNotification of(Task task, JsonNode meta) {
        return new TaskStatusNotification(
                task.taskId(),
                task.status(),
                task.statusMessage(),
                task.createdAt(),
                task.lastUpdatedAt(),
                task.ttl(),
                task.pollInterval(),
                meta);
    }

    /**
     * The task state without {@code _meta}.
     *
     * @return the task state without {@code _meta}
     */
    public Task task() {
        return new Task(taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval);
    }
}
