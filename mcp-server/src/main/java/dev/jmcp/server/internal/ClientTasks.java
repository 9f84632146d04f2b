package dev.jmcp.server.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskRequest;
import dev.jmcp.core.session.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Task-augmented server-to-client requests (2025-11-25): sends the request with {@code task}, and when the client
 * answers with a task, polls {@code tasks/get} until it ends (or needs input) and returns {@code tasks/result}.
 */
final class ClientTasks {
    private static final long MIN_POLL_MS = 50;
    private static final long MAX_POLL_MS = 5_000;

    private ClientTasks() {}

    /** Whether the client declared task support for {@code method}. */
    static boolean clientSupports(JsonNode caps, String method) {
        JsonNode requests = caps == null ? null : caps.path("tasks").path("requests");
        if (requests == null || !requests.isObject()) {
            return false;
        }
        return switch (method) {
            case McpMethods.ELICITATION_CREATE -> requests.path("elicitation").has("create");
            case McpMethods.SAMPLING_CREATE_MESSAGE -> requests.path("sampling").has("createMessage");
            default -> false;
        };
    }

    /** Runs {@code method} as a client task; blocks (interruptibly) until its result, within {@code timeout}. */
    static JsonNode ask(HandshakeInput.Sender sender, JsonNode caps, String method, JsonNode params, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ObjectNode p = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
        p.set("task", McpJson.toTree(TaskMetadata.ttl(timeout.toMillis())));
        JsonNode first = await(sender.send(method, p, options(deadline)), method, deadline);
        JsonNode task = first.get("task");
        if (task == null || !task.isObject()) {
            return first; // the client answered directly
        }
        String taskId = task.path("taskId").asString(null);
        if (taskId == null) {
            throw new McpException("the client answered " + method + " with a task without taskId");
        }
        JsonNode idParams = McpJson.toTree(TaskRequest.of(taskId));
        try {
            String status = task.path("status").asString("working");
            long poll = pollMs(task);
            while (status.equals("working")) {
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(poll) > deadline) {
                    throw new McpTimeoutException(method + " task " + taskId + " did not finish in time", timeout);
                }
                Thread.sleep(poll);
                JsonNode t = await(
                        sender.send(McpMethods.TASKS_GET, idParams, options(deadline)), McpMethods.TASKS_GET, deadline);
                status = t.path("status").asString("working");
                poll = pollMs(t);
            }
            // completed, failed, cancelled or input_required: tasks/result answers (blocking until terminal)
            JsonNode result = await(
                    sender.send(McpMethods.TASKS_RESULT, idParams, options(deadline)),
                    McpMethods.TASKS_RESULT,
                    deadline);
            if (result.isObject() && result.has("_meta")) {
                ObjectNode copy = ((ObjectNode) result).deepCopy();
                JsonNode meta = copy.get("_meta");
                if (meta.isObject()) {
                    ((ObjectNode) meta).remove(Tasks.RELATED_TASK);
                    if (meta.isEmpty()) {
                        copy.remove("_meta");
                    }
                }
                return copy;
            }
            return result;
        } catch (InterruptedException | RuntimeException e) {
            if (Capabilities.clientHas(caps.path("tasks"), "cancel")) {
                sender.send(McpMethods.TASKS_CANCEL, idParams, options(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)))
                        .exceptionally(x -> null);
            }
            throw e;
        }
    }

    private static long pollMs(JsonNode task) {
        long p = task.path("pollInterval").asLong(500);
        return Math.max(MIN_POLL_MS, Math.min(MAX_POLL_MS, p));
    }

    private static RequestOptions options(long deadlineNanos) {
        long left = Math.max(1, deadlineNanos - System.nanoTime());
        return RequestOptions.builder().timeout(Duration.ofNanos(left)).build();
    }

    private static JsonNode await(CompletableFuture<JsonNode> f, String method, long deadline)
            throws InterruptedException {
        try {
            JsonNode r = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null || !r.isObject()) {
                throw new McpException("the client answered " + method + " without a result object");
            }
            return r;
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new McpTimeoutException(method + " timed out", Duration.ofNanos(0));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof dev.jmcp.core.McpRpcException rpc) {
                throw new McpException(
                        "the client answered " + method + " with an error: "
                                + rpc.error().message(),
                        rpc);
            }
            if (cause instanceof McpException me) {
                throw me;
            }
            throw new McpException(method + " failed: " + cause, cause);
        }
    }
}
