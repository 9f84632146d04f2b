package dev.jmcp.loadtest.target;

/** How a {@code tools/call} step is made: a plain call, a call that measures progress, or a call as a task. */
public enum CallMode {
    /** One request, its answer is the result. */
    PLAIN,
    /**
     * The call carries a progress token; the time to the first {@code notifications/progress} is reported next to
     * the call's latency.
     */
    PROGRESS,
    /**
     * The tool is called as a task (2025-11-25 tasks in the handshake era, the 2026-07-28 tasks extension when
     * stateless), {@code tasks/get} is polled at the server's {@code pollInterval} until the task is terminal, then
     * its result is fetched; the step's latency is the time to completion.
     */
    TASK
}
