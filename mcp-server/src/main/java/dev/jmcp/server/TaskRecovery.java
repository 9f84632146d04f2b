package dev.jmcp.server;

/**
 * What another instance does with a task whose instance stopped while its handler ran (issue #18): the running
 * instance holds a lease on the stored task and renews it while the handler runs; once the lease has expired, the
 * first instance that sees the task ({@code tasks/get}, {@code tasks/result}, {@code tasks/list}) claims it
 * atomically and recovers it as configured with {@link McpServer.Builder#taskRecovery}. Needs a {@link TaskStore}.
 */
public enum TaskRecovery {
    /**
     * The task is marked {@code failed} with the message "the instance running this task stopped" (the default: a
     * handler is not known to be safe to run twice).
     */
    FAIL,
    /**
     * The task is run again from its stored request when its tool declares {@code idempotentHint} or {@code
     * readOnlyHint} (the tool's author states that calling it again has no further effect); other tasks fail as
     * with {@link #FAIL}. The tool's arguments are then kept in the task store with the task.
     */
    RERUN_IDEMPOTENT
}
