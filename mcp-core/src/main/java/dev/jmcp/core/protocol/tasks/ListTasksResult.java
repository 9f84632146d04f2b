package dev.jmcp.core.protocol.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Result of {@code tasks/list}.
 *
 * @param tasks the tasks of this page (empty when the wire omits it)
 * @param nextCursor cursor of the next page, null on the last page
 * @param meta the {@code _meta} object, null when absent
 */
public record ListTasksResult(List<Task> tasks, String nextCursor, @JsonProperty("_meta") JsonNode meta) {
    /**
     * Creates the result.
     *
     * @param tasks the tasks of this page (empty when the wire omits it)
     * @param nextCursor cursor of the next page, null on the last page
     * @param meta the {@code _meta} object, null when absent
     */
    public ListTasksResult {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /**
     * A last page with the given tasks.
     *
     * @param tasks the tasks of this page (empty when the wire omits it)
     * @return a last page with the given tasks
     */
    public static ListTasksResult of(List<Task> tasks) {
        return new ListTasksResult(tasks, null, null);
    }
}
