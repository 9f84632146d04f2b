package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The immediate answer to a task-augmented request. {@code _meta} may carry
 * {@link dev.jmcp.core.protocol.MetaKeys#MODEL_IMMEDIATE_RESPONSE}.
 *
 * @param task the task the receiver created to run the request
 * @param meta the {@code _meta} object, null when absent
 */
public record CreateTaskResult(Task task, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the result; {@code task} is required.
     *
     * @param task the task the receiver created to run the request
     * @param meta the {@code _meta} object, null when absent
     */
    public CreateTaskResult {
        Objects.requireNonNull(task, "task");
    }

    /**
     * A result without {@code _meta}.
     *
     * @param task the task the receiver created to run the request
     * @return a result without {@code _meta}
     */
    public static CreateTaskResult of(Task task) {
        return new CreateTaskResult(task, null);
    }
}
