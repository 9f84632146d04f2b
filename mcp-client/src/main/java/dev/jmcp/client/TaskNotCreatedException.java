package dev.jmcp.client;

import dev.jmcp.core.McpException;
import dev.jmcp.core.protocol.tools.CallToolResult;

/**
 * {@code callToolAsTask} in 2026-07-28: the server decides whether a call runs as a task, and this one answered at
 * once. The tool ran; its result is here. ({@code callToolAsTaskAndWait} returns such a result as it is.)
 */
public class TaskNotCreatedException extends McpException {
    private static final long serialVersionUID = 1L;

    /** The tool's result. */
    private final transient CallToolResult result;

    /**
     * Creates the exception with the result the server answered with.
     *
     * @param tool the tool
     * @param result the result
     */
    public TaskNotCreatedException(String tool, CallToolResult result) {
        super("the server answered the call of " + tool + " at once instead of creating a task");
        this.result = result;
    }

    /**
     * The result the server answered with.
     *
     * @return the result the server answered with
     */
    public CallToolResult result() {
        return result;
    }
}
