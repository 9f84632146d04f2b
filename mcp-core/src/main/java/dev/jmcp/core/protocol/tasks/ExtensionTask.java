package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.ResultType;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A task of the 2026-07-28 tasks extension ({@code io.modelcontextprotocol/tasks}, SEP-2663). Unlike the
 * 2025-11-25 {@link Task} its durations are {@code ttlMs} and {@code pollIntervalMs}. The same shape serves as
 * the extension's {@code CreateTaskResult} ({@code resultType} {@link ResultType#TASK}) and as its
 * {@code DetailedTask} ({@code tasks/get}, {@code notifications/tasks}), which inline the outcome as
 * {@code result} or {@code error}. {@code ttlMs} is always written, as {@code null} when retention is unlimited.
 *
 * @param taskId the receiver-generated id
 * @param status the current status
 * @param statusMessage human-readable status detail, null when absent
 * @param createdAt ISO 8601 creation time
 * @param lastUpdatedAt ISO 8601 time of the last update
 * @param ttlMs retention in milliseconds from creation, null for unlimited (written as JSON null)
 * @param pollIntervalMs suggested polling interval in milliseconds, null when absent
 * @param result the result of a completed task (DetailedTask), null when absent
 * @param error the JSON-RPC error of a failed task (DetailedTask), null when absent
 * @param resultType the result type when this is a result ({@code task} on creation), null when absent
 * @param meta the {@code _meta} object, null when absent
 */
public record ExtensionTask(
        String taskId,
        TaskStatus status,
        String statusMessage,
        String createdAt,
        String lastUpdatedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long ttlMs,
        Long pollIntervalMs,
        JsonNode result,
        JsonRpcError error,
        ResultType resultType,
        @JsonProperty("_meta") JsonNode meta) {
    /** Creates a task; {@code taskId}, {@code status}, {@code createdAt} and {@code lastUpdatedAt} are required. */
    public ExtensionTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    }

    /** A builder with the required fields. */
    public static Builder builder(String taskId, TaskStatus status, String createdAt, String lastUpdatedAt) {
        return new Builder(taskId, status, createdAt, lastUpdatedAt);
    }

    /** A builder holding every member of this task, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(taskId, status, createdAt, lastUpdatedAt)
                .statusMessage(statusMessage)
                .ttlMs(ttlMs)
                .pollIntervalMs(pollIntervalMs)
                .result(result)
                .error(error)
                .resultType(resultType)
                .meta(meta);
    }

    /** Builds an {@link ExtensionTask}. */
    public static final class Builder {
        private final String taskId;
        private final TaskStatus status;
        private final String createdAt;
        private final String lastUpdatedAt;
        private String statusMessage;
        private Long ttlMs;
        private Long pollIntervalMs;
        private JsonNode result;
        private JsonRpcError error;
        private ResultType resultType;
        private JsonNode meta;

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
        public Builder ttlMs(Long ttlMs) {
            this.ttlMs = ttlMs;
            return this;
        }

        /** Sets the suggested polling interval in milliseconds. */
        public Builder pollIntervalMs(Long pollIntervalMs) {
            this.pollIntervalMs = pollIntervalMs;
            return this;
        }

        /** Sets the inlined result of a completed task. */
        public Builder result(JsonNode result) {
            this.result = result;
            return this;
        }

        /** Sets the inlined error of a failed task. */
        public Builder error(JsonRpcError error) {
            this.error = error;
            return this;
        }

        /** Sets the result type, e.g. {@link ResultType#TASK} for the answer that creates the task. */
        public Builder resultType(ResultType resultType) {
            this.resultType = resultType;
            return this;
        }

        /** Sets {@code _meta}. */
        public Builder meta(JsonNode meta) {
            this.meta = meta;
            return this;
        }

        /** Builds the task. */
        public ExtensionTask build() {
            return new ExtensionTask(
                    taskId,
                    status,
                    statusMessage,
                    createdAt,
                    lastUpdatedAt,
                    ttlMs,
                    pollIntervalMs,
                    result,
                    error,
                    resultType,
                    meta);
        }
    }
}
