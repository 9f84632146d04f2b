package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.server.ServerTool;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tasks (SEP-1686, 2025-11-25): task-augmented {@code tools/call}, {@code tasks/get}, {@code tasks/result},
 * {@code tasks/list}, {@code tasks/cancel}. A task belongs to its requester (the authenticated principal, else
 * the session) and its result is kept until its TTL ends.
 */
final class Tasks {
    static final String RELATED_TASK = "io.modelcontextprotocol/related-task";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long POLL_INTERVAL_MS = 500;

    private final ServerCore core;
    private final Map<String, TaskEntry> tasks = new ConcurrentHashMap<>();

    Tasks(ServerCore core) {
        this.core = core;
        Router r = core.router();
        r.register("tasks/get", call -> find(call).toJson());
        r.register("tasks/result", this::result);
        r.register("tasks/list", this::list);
        r.register("tasks/cancel", this::cancel);
    }

    /** Whether any task of the session is still running (for tests and shutdown). */
    int size() {
        purge();
        return tasks.size();
    }

    JsonNode create(Call call, ServerTool tool, JsonNode args, JsonNode taskParam) {
        purge();
        long maxTtl = core.config().taskTtl().toMillis();
        JsonNode requested = taskParam.get("ttl");
        long ttl = requested != null && requested.canConvertToLong() && requested.asLong() > 0
                ? Math.min(requested.asLong(), maxTtl)
                : maxTtl;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        TaskEntry entry = new TaskEntry(id, owner(call), call.session(), ttl, POLL_INTERVAL_MS);
        tasks.put(id, entry);
        ContextImpl ctx = new ContextImpl(call, taskInput(call, entry), n -> notifySession(call.session(), n));
        entry.context = ctx;
        HandlerExecutors.delivery().execute(() -> run(entry, tool, args, ctx));
        ObjectNode result = McpJson.object();
        result.set("task", entry.toTask());
        return result;
    }

    private HandshakeInput taskInput(Call call, TaskEntry entry) {
        return new HandshakeInput(call, core.config().clientRequestTimeout(), (method, params, options) -> {
            ObjectNode p = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
            p.withObject("_meta").putObject(RELATED_TASK).put("taskId", entry.id);
            update(entry, "input_required", null);
            return call.session()
                    .engine()
                    .request(method, p, options)
                    .whenComplete((r, e) -> update(entry, "working", null));
        });
    }

    private void run(TaskEntry entry, ServerTool tool, JsonNode args, ContextImpl ctx) {
        try {
            JsonNode result = Tools.execute(core, tool, args, ctx);
            boolean failed = result.path("isError").asBoolean(false);
            if (update(entry, failed ? "failed" : "completed", null)) {
                entry.finish(result, null);
            }
        } catch (McpRpcException e) {
            if (update(entry, "failed", e.error().message())) {
                entry.finish(null, e.error());
            }
        } catch (Exception e) {
            JsonRpcError err = JsonRpcError.of(dev.jmcp.core.ErrorCodes.INTERNAL_ERROR, Tools.describe(e));
            if (update(entry, "failed", err.message())) {
                entry.finish(null, err);
            }
        }
    }

    /** Moves the task to a status and notifies; returns false when it was already terminal (or unchanged). */
    private boolean update(TaskEntry entry, String status, String message) {
        if (!entry.setStatus(status, message)) {
            return false;
        }
        ObjectNode n = McpJson.object();
        n.put("method", "notifications/tasks/status");
        n.set("params", entry.toTask());
        notifySession(entry.session, n);
        return true;
    }

    private static void notifySession(ServerSessionImpl session, ObjectNode n) {
        session.engine().notify(n.get("method").asString(), n.get("params")).exceptionally(e -> null);
    }

    private JsonNode result(Call call) throws Exception {
        TaskEntry entry = find(call);
        JsonNode result;
        try {
            result = entry.done.get(core.config().taskTtl().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw Errors.invalidRequest("task " + entry.id + " did not finish in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof McpRpcException rpc) {
                throw rpc;
            }
            throw e;
        }
        ObjectNode copy = ((ObjectNode) result).deepCopy();
        copy.withObject("_meta").putObject(RELATED_TASK).put("taskId", entry.id);
        return copy;
    }

    private JsonNode list(Call call) {
        purge();
        String owner = owner(call);
        List<TaskEntry> mine = tasks.values().stream()
                .filter(t -> t.owner.equals(owner))
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .toList();
        Pages.Page<TaskEntry> page = Pages.page(
                "tasks", mine, call.stringParam("cursor"), core.config().pageSize());
        ObjectNode result = McpJson.object();
        var array = result.putArray("tasks");
        page.items().forEach(t -> array.add(t.toTask()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    private JsonNode cancel(Call call) {
        TaskEntry entry = find(call);
        if (entry.isTerminal()) {
            throw Errors.invalidParams("task " + entry.id + " is already " + entry.status());
        }
        if (update(entry, "cancelled", "cancelled by the client")) {
            entry.finish(null, JsonRpcError.of(dev.jmcp.core.ErrorCodes.INVALID_REQUEST, "task was cancelled"));
            entry.context.cancel("task cancelled");
        }
        return entry.toJson();
    }

    private TaskEntry find(Call call) {
        purge();
        String id = call.requiredString("taskId");
        TaskEntry entry = tasks.get(id);
        if (entry == null || !entry.owner.equals(owner(call))) {
            throw Errors.invalidParams("Unknown task: " + id);
        }
        return entry;
    }

    private static String owner(Call call) {
        String principal = call.auth() != null ? call.auth().principal() : null;
        return principal != null
                ? "principal:" + principal
                : "session:" + call.session().id();
    }

    private void purge() {
        Instant now = Instant.now();
        tasks.values().removeIf(t -> t.expiresAt().isBefore(now));
    }
}
