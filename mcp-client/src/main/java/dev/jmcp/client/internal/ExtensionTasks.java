package dev.jmcp.client.internal;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.ExtensionTask;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client side of the 2026-07-28 tasks extension ({@code io.modelcontextprotocol/tasks}, SEP-2663): the wire
 * stage that declares the extension on the requests that may meet a task, and the mapping of its shapes
 * ({@code ttlMs}, {@code pollIntervalMs}, the DetailedTask with its inlined {@code result} or {@code error}) onto
 * the 2025-11-25 task types the client API returns in both eras.
 */
public final class ExtensionTasks {
    /** The extension's identifier. */
    public static final String ID = "io.modelcontextprotocol/tasks";
    /** The extension's status notification (carries a DetailedTask). */
    public static final String NOTIFICATION = "notifications/tasks";

    private ExtensionTasks() {}

    /**
     * Wraps {@code inner} with the stage that, in 2026-07-28, turns a {@code tools/call} carrying {@code task}
     * (the client's "run this as a task") into a call declaring the extension in its per-request capabilities (the
     * server then decides), and declares the extension on {@code tasks/get}, {@code tasks/update} and
     * {@code tasks/cancel}. Other requests and the handshake era pass untouched.
     */
    public static CallPipeline stage(CallPipeline inner) {
        return (request, wire) -> {
            if (request.version() == null || !request.version().isStateless() || !concerns(request)) {
                return inner.send(request, wire);
            }
            ObjectNode params = request.params().deepCopy();
            params.remove("task");
            declare(params);
            return inner.send(request.withParams(params), wire);
        };
    }

    private static boolean concerns(CallPipeline.WireRequest request) {
        switch (request.method()) {
            case McpMethods.TOOLS_CALL:
                return request.params() != null && request.params().has("task");
            case McpMethods.TASKS_GET:
            case McpMethods.TASKS_UPDATE:
            case McpMethods.TASKS_CANCEL:
                return request.params() != null;
            default:
                return false;
        }
    }

    /** Declares the extension in the per-request capabilities of request {@code params}. */
    static void declare(ObjectNode params) {
        ObjectNode caps = params.withObject(MetaKeys.META).withObject(MetaKeys.CLIENT_CAPABILITIES);
        ObjectNode extensions = caps.withObject("extensions");
        if (!extensions.has(ID)) {
            extensions.putObject(ID);
        }
    }

    /** Whether request {@code params} declare the extension in their per-request capabilities. */
    public static boolean declaredIn(JsonNode params) {
        JsonNode extensions = params == null
                ? null
                : params.path(MetaKeys.META).path(MetaKeys.CLIENT_CAPABILITIES).path("extensions");
        return extensions != null && extensions.has(ID);
    }

    /** Whether a result is the extension's task handle ({@code resultType} {@code task}). */
    public static boolean isTask(JsonNode result) {
        JsonNode type = result == null ? null : result.get("resultType");
        return type != null && type.isString() && "task".equals(type.asString());
    }

    /** The task of an extension task shape (CreateTaskResult, DetailedTask or notification params). */
    public static Task task(JsonNode json) {
        ExtensionTask t = McpJson.fromTree(json, ExtensionTask.class);
        return new Task(
                t.taskId(),
                t.status(),
                t.statusMessage(),
                t.createdAt(),
                t.lastUpdatedAt(),
                t.ttlMs(),
                t.pollIntervalMs());
    }

    /** An extension CreateTaskResult as the client API's {@link CreateTaskResult}. */
    public static CreateTaskResult created(JsonNode json) {
        return new CreateTaskResult(task(json), json.get(MetaKeys.META));
    }

    /** An extension DetailedTask ({@code tasks/get}) as the client API's {@link GetTaskResult}. */
    public static GetTaskResult state(JsonNode json) {
        return GetTaskResult.of(task(json), json.get(MetaKeys.META));
    }

    /** An extension {@code notifications/tasks} as the client API's {@link TaskStatusNotification}. */
    public static TaskStatusNotification notification(JsonNode params) {
        return TaskStatusNotification.of(task(params), params.get(MetaKeys.META));
    }

    /**
     * The outcome a terminal DetailedTask inlines: its {@code result}; fails with the inlined {@code error}
     * ({@link McpRpcException}), {@link McpCancelledException} for a cancelled task, and {@link McpException} when
     * the task is not terminal (this client does not answer {@code input_required} tasks with {@code tasks/update}).
     */
    public static JsonNode outcome(JsonNode detailed) {
        Task task = task(detailed);
        TaskStatus status = task.status();
        if (status == TaskStatus.CANCELLED) {
            throw new McpCancelledException("task " + task.taskId() + " was cancelled"
                    + (task.statusMessage() != null ? ": " + task.statusMessage() : ""));
        }
        JsonNode error = detailed.get("error");
        if (error != null && error.isObject()) {
            throw new McpRpcException(McpJson.fromTree(error, dev.jmcp.core.jsonrpc.JsonRpcError.class));
        }
        JsonNode result = detailed.get("result");
        if (status.isTerminal() && result != null && result.isObject()) {
            return result;
        }
        if (status == TaskStatus.INPUT_REQUIRED) {
            throw new McpException("task " + task.taskId()
                    + " needs input (tasks/update), which this client does not answer for 2026-07-28 tasks");
        }
        throw new McpException("task " + task.taskId() + " is " + status.wire() + " and has no result yet");
    }
}
