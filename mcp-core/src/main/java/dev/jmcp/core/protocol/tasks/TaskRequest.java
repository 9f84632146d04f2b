package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code tasks/get}, {@code tasks/result} and {@code tasks/cancel}: a task id.
 *
 * @param taskId the task's id, as the receiver generated it
 * @param meta the {@code _meta} object, null when absent
 */
public record TaskRequest(String taskId, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates params; {@code taskId} is required.
     *
     * @param taskId the task's id, as the receiver generated it
     * @param meta the {@code _meta} object, null when absent
     */
    public TaskRequest {
        Objects.requireNonNull(taskId, "taskId");
    }

    /**
     * Params for the given task.
     *
     * @param taskId the task's id, as the receiver generated it
     * @return the params naming the task
     */
    public static TaskRequest of(String taskId) {
        return new TaskRequest(taskId, null);
    }
}
