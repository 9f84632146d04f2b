package dev.jmcp.server;

import dev.jmcp.core.protocol.tools.Tool;
import java.time.Duration;
import java.util.Objects;

/**
 * A tool definition with its handler, ready to register. Build typed tools with {@link TypedTools}.
 *
 * @param tool the definition listed by {@code tools/list}
 * @param handler the handler that runs the tool
 * @param taskTimeout how long the handler may run when the tool is called as a task, or null for the server's
 *     {@link McpServer.Builder#taskTimeout(Duration) task timeout}; a call that is not a task is bounded by the
 *     server's handler timeout instead
 */
public record ServerTool(Tool tool, ToolHandler handler, Duration taskTimeout) {
    /**
     * Checks both are present, that a task timeout is positive, and that the input schema's SEP-2243 {@code
     * x-mcp-header} annotations are valid (clients drop a tool whose annotations are not).
     *
     * @param tool the definition listed by {@code tools/list}
     * @param handler the handler
     * @param taskTimeout how long the handler may run when the tool is called as a task, or null for the server's
     *     {@link McpServer.Builder#taskTimeout(Duration) task timeout}; a call that is not a task is bounded by the
     *     server's handler timeout instead
     * @throws IllegalArgumentException naming the invalid annotation or timeout
     */
    public ServerTool {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(handler, "handler");
        if (taskTimeout != null && (taskTimeout.isNegative() || taskTimeout.isZero())) {
            throw new IllegalArgumentException("tool " + tool.name() + ": taskTimeout must be positive");
        }
        try {
            dev.jmcp.core.transport.ParamHeaders.of(tool.inputSchema());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tool " + tool.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A tool whose tasks use the server's task timeout.
     *
     * @param tool the tool
     * @param handler the handler that runs the tool
     */
    public ServerTool(Tool tool, ToolHandler handler) {
        this(tool, handler, null);
    }

    /**
     * This tool with its own limit for task runs (a task is not bound by the handler timeout), e.g. {@code new
     * ServerTool(tool, handler).withTaskTimeout(Duration.ofHours(4))}.
     *
     * @param timeout the timeout
     * @return this tool with its own limit for task runs (a task is not bound by the handler timeout), e.g. {@code new
     *     ServerTool(tool, handler).withTaskTimeout(Duration.ofHours(4))}
     */
    public ServerTool withTaskTimeout(Duration timeout) {
        return new ServerTool(tool, handler, Objects.requireNonNull(timeout, "timeout"));
    }
}
