package dev.jmcp.client;

import dev.jmcp.core.protocol.tasks.TaskStatusNotification;

/** Told when a task's status changed ({@code notifications/tasks/status}, optional for servers; do not rely on it). */
@FunctionalInterface
public interface TaskStatusListener {
    /** The task's new state. */
    void onStatus(TaskStatusNotification status);
}
