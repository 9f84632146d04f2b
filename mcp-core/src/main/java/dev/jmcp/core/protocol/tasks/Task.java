package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The state of a task. {@code ttl} is always written, as {@code null} when retention is unlimited.
 *
 * @param taskId the receiver-generated id
 * @param status the current status
 * @param statusMessage human-readable status detail, null when absent
 * @param createdAt ISO 8601 creation time
 * @param lastUpdatedAt ISO 8601 time of the last update
 * @param ttl retention in milliseconds from creation, null for unlimited (written as JSON null)
 * @param pollInterval suggested polling interval in milliseconds, null when absent
 */
public record Task(
        String taskId,
        TaskStatus status,
        String statusMessage,
        String createdAt,
        String lastUpdatedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long ttl,
        Long pollInterval) {
    /** Creates a task; all fields but {@code statusMessage}, {@code ttl} and {@code pollInterval} are required. */
    public Task {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    }

    /** A builder with the required fields. */
    public static Builder builder(String taskId, TaskStatus status, String createdAt, String lastUpdatedAt) {
        return new Builder(taskId, status, createdAt, lastUpdatedAt);
    }

    /** Builds a {@link Task}. */
    public static final class Builder {
        private final String taskId;
        private final TaskStatus status;
        private final String createdAt;
        private final String lastUpdatedAt;
        private String statusMessage;
        private Long ttl;
        private Long pollInterval;

        private Builder(String taskId, TaskStatus status, String createdAt, String lastUpdatedAt) {
            this.taskId = taskId;
            this.status = status;
            this.createdAt = createdAt;
            this.lastUpdatedAt = lastUpdatedAt;
        }

        /** Sets the status message. */
        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        /** Sets the retention in milliseconds; null means unlimited. */
        public Builder ttl(Long ttl) {
            this.ttl = ttl;
            return this;
        }

        /** Sets the suggested polling interval in milliseconds. */
        public Builder pollInterval(Long pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Builds the task. */
        public Task build() {
            return new Task(taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval);
        }
    }
}
