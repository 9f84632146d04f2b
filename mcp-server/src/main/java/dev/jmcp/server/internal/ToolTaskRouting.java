package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.ToolExecution.TaskSupport;

/**
 * Decides how a {@code tools/call} runs given the tool's {@code taskSupport}: as a 2026-07-28 extension task (the
 * server decides when the client declares the tasks extension), as a 2025-11-25 core task (the client asked with
 * {@code task}), or inline; and rejects a call the tool cannot serve that way.
 */
final class ToolTaskRouting {
    /** How the call runs. */
    enum Route {
        /** As a task of the 2026-07-28 tasks extension. */
        EXTENSION_TASK,
        /** As a 2025-11-25 core task, with the request's {@code task} parameters. */
        CORE_TASK,
        /** Inline: the handler's result answers the request. */
        INLINE
    }

    /**
     * The facts the decision depends on.
     *
     * @param tool the tool's name
     * @param support the tool's task support
     * @param version the revision the call is served under
     * @param perRequest whether it is a 2026-07-28 request carrying its own {@code _meta}
     * @param declaresExtension whether the client declared the tasks extension
     * @param taskRequested whether the request carries {@code task} parameters
     */
    record Facts(
            String tool,
            TaskSupport support,
            ProtocolVersion version,
            boolean perRequest,
            boolean declaresExtension,
            boolean taskRequested) {}

    private ToolTaskRouting() {}

    /** The facts of a call to a tool. */
    static Facts factsOf(Call call, String tool, TaskSupport support) {
        var task = call.params().get("task");
        return new Facts(
                tool,
                support,
                call.version(),
                call.stateless(),
                Tasks.declaresExtension(call),
                task != null && !task.isNull());
    }

    /**
     * How the call runs.
     *
     * @throws ProtocolError -32601 when a handshake-era call asks a task of a tool that forbids one or omits it for
     *     a tool that requires one; -32021 when a 2026-07-28 client did not declare the extension a tool requires
     */
    static Route route(Facts f) {
        if (f.perRequest() && f.support() != TaskSupport.FORBIDDEN && f.declaresExtension()) {
            return Route.EXTENSION_TASK; // the server decides; a task-supporting tool runs as a task
        }
        if (f.taskRequested() && f.version().hasCoreTasks() && !f.perRequest()) {
            if (f.support() == TaskSupport.FORBIDDEN) {
                throw new ProtocolError(ErrorCodes.METHOD_NOT_FOUND, "tool " + f.tool() + " does not support tasks");
            }
            return Route.CORE_TASK;
        }
        if (f.support() == TaskSupport.REQUIRED && f.perRequest()) {
            throw Capabilities.missing(
                    Capabilities.tasksExtension(),
                    "tool " + f.tool() + " runs only as a task: declare the " + Tasks.EXTENSION + " extension");
        }
        if (f.support() == TaskSupport.REQUIRED && f.version().hasCoreTasks()) {
            throw new ProtocolError(ErrorCodes.METHOD_NOT_FOUND, "tool " + f.tool() + " must be called as a task");
        }
        return Route.INLINE;
    }
}
