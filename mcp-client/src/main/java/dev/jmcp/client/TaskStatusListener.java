package dev.jmcp.client;

import dev.jmcp.core.protocol.tasks.TaskStatusNotification;

/**
 * Told when a task's status changed: {@code notifications/tasks/status} (2025-11-25), or {@code notifications/tasks}
 * of the 2026-07-28 tasks extension (mapped to the same shape). Optional for servers; do not rely on it.
 */
@FunctionalInterface
public interface TaskStatusListener {
    /**
     * The task's new state.
     *
     * @param status the status
     */
    void onStatus(TaskStatusNotification status);
}
