package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code notifications/tasks/status}. The {@link Task} fields, flattened, plus {@code _meta}.
 *
 * @param taskId the task id
 * @param status the current status
 * @param statusMessage status detail, null when absent
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
    /** Creates the value; the required {@link Task} fields are checked. */
    public TaskStatusNotification {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    }

    /** The flattened form of {@code task} with the given {@code _meta} (may be null). */
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

    /** The task state without {@code _meta}. */
    public Task task() {
        return new Task(taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval);
    }

    /** A builder with the required fields. */
    public static Builder builder(String taskId, TaskStatus status, String createdAt, String lastUpdatedAt) {
        return new Builder(taskId, status, createdAt, lastUpdatedAt);
    }

    /** Builds a {@link TaskStatusNotification}. */
    public static final class Builder {
        private final String taskId;
        private final TaskStatus status;
        private final String createdAt;
        private final String lastUpdatedAt;
        private String statusMessage;
        private Long ttl;
        private Long pollInterval;
        private JsonNode meta;

        private Builder(String taskId, TaskStatus status, String createdAt, String lastUpdatedAt) {
            this.taskId = taskId;
            this.status = status;
            this.createdAt = createdAt;
            this.lastUpdatedAt = lastUpdatedAt;
        }

        /** Sets {@code statusMessage}: status detail. */
        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        /** Sets {@code ttl}: retention in milliseconds; null (the default) means unlimited. */
        public Builder ttl(Long ttl) {
            this.ttl = ttl;
            return this;
        }

        /** Sets {@code pollInterval}: suggested polling interval in milliseconds. */
        public Builder pollInterval(Long pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Sets {@code _meta}: the {@code _meta} object. */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /** Builds the value. */
        public TaskStatusNotification build() {
            return new TaskStatusNotification(
                    taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval, meta);
        }
    }
}
