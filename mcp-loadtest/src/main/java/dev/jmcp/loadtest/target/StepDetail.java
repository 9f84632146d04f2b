package dev.jmcp.loadtest.target;

/**
 * What an MCP-deep step observed besides its outcome (see {@link CallMode}).
 *
 * @param firstProgressNanos nanoseconds from sending the call to its first progress notification, or -1 when none
 *     arrived
 * @param taskPolls for a task: the {@code tasks/get} polls made; -1 for a call that was not a task
 * @param taskState for a task: its terminal state ({@code completed}, {@code failed}, {@code cancelled}), {@code
 *     not_created} (the server answered at once), {@code timeout} (not terminal within the step timeout) or
 *     {@code error} (creating or polling failed); {@code null} otherwise
 */
public record StepDetail(long firstProgressNanos, int taskPolls, String taskState) {
    /**
     * The detail of a call made with a progress token.
     *
     * @param firstProgressNanos nanoseconds to the first progress notification, or -1
     * @return the detail
     */
    public static StepDetail progress(long firstProgressNanos) {
        return new StepDetail(firstProgressNanos, -1, null);
    }

    /**
     * The detail of a task call.
     *
     * @param polls the {@code tasks/get} polls made
     * @param state the terminal state, or what ended the wait
     * @param firstProgressNanos nanoseconds to the first progress notification, or -1
     * @return the detail
     */
    public static StepDetail task(int polls, String state, long firstProgressNanos) {
        return new StepDetail(firstProgressNanos, polls, state);
    }

    /**
     * Whether this detail describes a task call.
     *
     * @return true for a task call
     */
    public boolean isTask() {
        return taskPolls >= 0;
    }
}
