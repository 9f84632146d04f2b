package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.protocol.EmptyResult;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.ResultType;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.ExtensionTask;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.ListTasksResult;
import dev.jmcp.core.protocol.tasks.RelatedTask;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.session.InboundRequest;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerTool;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tasks (SEP-1686, 2025-11-25): task-augmented {@code tools/call}, {@code tasks/get}, {@code tasks/result},
 * {@code tasks/list}, {@code tasks/cancel}. A task belongs to its requester (the authenticated principal, else
 * the handshake session, else in the 2026-07-28 era every anonymous caller) and its result is kept until its TTL
 * ends.
 *
 * <p>Limits: a task's handler runs under the task timeout (the tool's own, else the server's), not the request
 * handler timeout; an owner holds at most {@code maxTasksPerOwner} tasks; each task has its own expiry timer, so
 * expiring costs work proportional to what expires; the tasks of a closed handshake session end with it (a
 * principal's tasks outlive the session, since the principal may poll them from another one).
 *
 * <p>2026-07-28 (the {@code io.modelcontextprotocol/tasks} extension): a task's DetailedTask is pushed as
 * {@code notifications/tasks} on the {@code subscriptions/listen} streams whose acknowledged {@code taskIds} name it
 * (only its owner's), once right after the acknowledgement and again when the task ends.
 */
final class Tasks {
    static final String RELATED_TASK = MetaKeys.RELATED_TASK;
    /** The 2026-07-28 tasks extension (SEP-2663). */
    static final String EXTENSION = "io.modelcontextprotocol/tasks";
    /** The extension's status notification, sent on the {@code subscriptions/listen} streams that asked for it. */
    static final String NOTIFICATION = "notifications/tasks";

    /** Holds the SecureRandom, made on first use (its set-up costs start-up time on a path that may never need it). */
    private static final class Ids {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private static final long POLL_INTERVAL_MS = 500;

    private final ServerCore core;
    private final Map<String, TaskEntry> tasks = new ConcurrentHashMap<>();
    /** The tasks of each owner (at most {@code maxTasksPerOwner} each); changed only inside {@code compute}. */
    private final Map<String, Set<TaskEntry>> byOwner = new ConcurrentHashMap<>();

    Tasks(ServerCore core) {
        this.core = core;
        // registered through the extension mechanism: declared (2026-07-28) while a tool may run as a task; its
        // methods also serve the 2025-11-25 core tasks, so they are not gated on the declaration
        Map<String, MethodHandler> methods = new java.util.LinkedHashMap<>();
        methods.put(
                McpMethods.TASKS_GET,
                call -> call.stateless()
                        ? detailed(find2026(call))
                        : McpJson.toTree(GetTaskResult.of(find(call).task(), null)));
        methods.put(McpMethods.TASKS_RESULT, this::result);
        methods.put(McpMethods.TASKS_LIST, this::list);
        methods.put(
                McpMethods.TASKS_CANCEL,
                call -> store() != null ? cancelShared(call) : call.stateless() ? cancel2026(call) : cancel(call));
        methods.put(McpMethods.TASKS_UPDATE, this::update2026);
        core.extensions()
                .add(
                        new Extensions.Spec(
                                EXTENSION,
                                McpJson.object(),
                                (version, clientCaps) -> version.isStateless() && core.hasTaskTools(),
                                false,
                                methods,
                                Map.of()),
                        core.router());
    }

    /** How many tasks are held (for tests and shutdown). */
    int size() {
        return tasks.size();
    }

    JsonNode create(Call call, ServerTool tool, JsonNode args, JsonNode taskParam) {
        long maxTtl = core.config().taskTtl().toMillis();
        JsonNode requested = taskParam.get("ttl");
        long ttl = requested != null && requested.canConvertToLong() && requested.asLong() > 0
                ? Math.min(requested.asLong(), maxTtl)
                : maxTtl;
        byte[] bytes = new byte[16];
        Ids.RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        boolean v2 = call.stateless();
        TaskEntry entry = new TaskEntry(id, owner(call), call.session(), ttl, POLL_INTERVAL_MS, v2);
        admit(entry);
        tasks.put(id, entry);
        if (store() != null) {
            entry.request = rerunnable(tool) ? request(tool, args) : null;
            createShared(entry);
        }
        if (v2) {
            // this server's extension tasks only change status when they end (no input_required), and the outcome
            // is recorded after the status: the notification then carries the inlined result or error
            entry.done.whenComplete((r, e) -> ended(entry));
        }
        ContextImpl ctx = new ContextImpl(core, call, v2 ? noInput() : taskInput(call, entry), n -> {
            if (!v2) {
                notifySession(call.session(), n);
            }
        });
        ctx.answerEarlyTo(earlyAnswerFor(entry));
        entry.context = ctx;
        entry.expiry = Timers.schedule(() -> expire(entry), TimeUnit.MILLISECONDS.toNanos(ttl));
        // The answer shows the task as created (working), even if it finishes before the answer is sent.
        JsonNode created;
        if (v2) {
            created = McpJson.toTree(entry.extensionTask().toBuilder()
                    .resultType(ResultType.TASK)
                    .build());
        } else {
            created = McpJson.toTree(CreateTaskResult.of(entry.task()));
        }
        try {
            core.config().handlerExecutor().execute(() -> run(entry, tool, args, ctx));
        } catch (RejectedExecutionException e) {
            forget(entry);
            entry.expiry.cancel(false);
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "server is overloaded");
        }
        return created;
    }

    /** Reserves a place for the task among its owner's, or refuses it with -32600 when the owner holds the maximum. */
    private void admit(TaskEntry entry) {
        int max = core.config().maxTasksPerOwner();
        boolean[] admitted = {false};
        byOwner.compute(entry.owner, (owner, set) -> {
            Set<TaskEntry> mine = set != null ? set : ConcurrentHashMap.newKeySet();
            if (mine.size() < max) {
                mine.add(entry);
                admitted[0] = true;
            }
            return mine.isEmpty() ? null : mine;
        });
        if (!admitted[0]) {
            ObjectNode data = McpJson.object();
            data.put("maxTasksPerOwner", max);
            throw new McpRpcException(new JsonRpcError(
                    ErrorCodes.INVALID_REQUEST,
                    "too many tasks: this requester already holds " + max + " tasks (running, or keeping a result"
                            + " until its ttl ends); wait for some to expire, or ask for a shorter ttl",
                    data));
        }
    }

    /** Removes the task from the index (its timer expired it, or it could not start). */
    private void forget(TaskEntry entry) {
        tasks.remove(entry.id, entry);
        byOwner.computeIfPresent(entry.owner, (owner, set) -> {
            set.remove(entry);
            return set.isEmpty() ? null : set;
        });
    }

    /** The task's own running limit: the tool's task timeout, else the server's. */
    private Duration timeoutOf(ServerTool tool) {
        return tool.taskTimeout() != null ? tool.taskTimeout() : core.config().taskTimeout();
    }

    /** Whether a 2026-07-28 request declared the tasks extension in its client capabilities. */
    static boolean declaresExtension(Call call) {
        return Extensions.clientSettings(call.clientCapabilities(), EXTENSION) != null;
    }

    /** Input calls inside a 2026-07-28 task (they would need input_required tasks and tasks/update). */
    private static InputChannel noInput() {
        return InputChannel.single((method, params, capability) -> {
            throw new dev.jmcp.core.McpException(
                    method + " inside a 2026-07-28 task is not supported by this server (no input_required tasks)");
        });
    }

    private void requireExtension(Call call) {
        if (!declaresExtension(call)) {
            throw Capabilities.missing(
                    Capabilities.tasksExtension(),
                    call.method() + " needs the client capability extensions[\"" + EXTENSION + "\"]");
        }
    }

    private TaskEntry find2026(Call call) {
        requireExtension(call);
        return find(call);
    }

    /** The 2026-07-28 DetailedTask: the task with its inlined {@code result} or {@code error}. */
    private JsonNode detailed(TaskEntry entry) {
        return detailed(entry, null);
    }

    /** The DetailedTask with the given {@code _meta} (null for none). */
    private static JsonNode detailed(TaskEntry entry, JsonNode meta) {
        ExtensionTask.Builder t = entry.extensionTask().toBuilder().meta(meta);
        if (entry.done.isDone()) {
            try {
                t.result(entry.done.getNow(null));
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof McpRpcException rpc) {
                    t.error(rpc.error());
                }
            }
        }
        return McpJson.toTree(t.build());
    }

    /** 2026-07-28 {@code tasks/cancel}: an empty ack, idempotent on a task that already ended. */
    private JsonNode cancel2026(Call call) {
        TaskEntry entry = find2026(call);
        if (update(entry, TaskStatus.CANCELLED, "cancelled by the client")) {
            entry.finish(null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "task was cancelled"));
            entry.context.cancel("task cancelled");
        }
        return McpJson.toTree(EmptyResult.empty());
    }

    /** 2026-07-28 {@code tasks/update}: this server's tasks never wait for input, so there is nothing to update. */
    private JsonNode update2026(Call call) {
        if (!call.stateless()) {
            throw Errors.methodNotFound(call.method());
        }
        TaskEntry entry = find2026(call);
        throw Errors.invalidParams("task " + entry.id + " is " + entry.status().wire() + ", not input_required");
    }

    private HandshakeInput taskInput(Call call, TaskEntry entry) {
        return new HandshakeInput(call, core.config().clientRequestTimeout(), (method, params, options) -> {
            ObjectNode p = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
            p.withObject("_meta").set(RELATED_TASK, McpJson.toTree(new RelatedTask(entry.id)));
            update(entry, TaskStatus.INPUT_REQUIRED, null);
            McpSession engine = call.session().engine();
            List<ServerInterceptor> interceptors = core.config().interceptors();
            CompletableFuture<JsonNode> sent = interceptors.isEmpty()
                    ? engine.request(method, p, options)
                    : OutgoingRequests.send(
                            interceptors, call, engine, method, p, (id, q) -> engine.request(id, method, q, options));
            return sent.whenComplete((r, e) -> update(entry, TaskStatus.WORKING, null));
        });
    }

    private void run(TaskEntry entry, ServerTool tool, JsonNode args, ContextImpl ctx) {
        try {
            complete(entry, Tools.execute(core, tool, args, ctx, timeoutOf(tool)));
        } catch (McpRpcException e) {
            fail(entry, e.error());
        } catch (Exception e) {
            fail(entry, JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, Tools.describe(e)));
        }
    }

    /** Records the tool's result (failed when {@code isError}); false when the task already ended. */
    private boolean complete(TaskEntry entry, JsonNode result) {
        boolean failed = !entry.v2 && result.path("isError").asBoolean(false);
        if (update(entry, failed ? TaskStatus.FAILED : TaskStatus.COMPLETED, null)) {
            entry.finish(result, null);
            persist(entry);
            return true;
        }
        return false;
    }

    /** Records a JSON-RPC error outcome; false when the task already ended. */
    private boolean fail(TaskEntry entry, JsonRpcError error) {
        if (update(entry, TaskStatus.FAILED, error.message())) {
            entry.finish(null, error);
            persist(entry);
            return true;
        }
        return false;
    }

    /** The TTL ended: the task is forgotten; a task still running is cancelled first. */
    private void expire(TaskEntry entry) {
        end(entry, "task expired", "the task expired");
    }

    /** Forgets the task; a task still running is cancelled with {@code reason}. */
    private void end(TaskEntry entry, String reason, String statusMessage) {
        forget(entry);
        if (!entry.isTerminal()) {
            if (entry.setStatus(TaskStatus.CANCELLED, statusMessage)) {
                entry.finish(null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, reason));
                persist(entry);
            }
            ContextImpl ctx = entry.context;
            if (ctx != null) {
                ctx.cancel(reason);
            }
        }
    }

    /**
     * A handshake session closed (security review L6): its session-owned tasks are cancelled and forgotten, since
     * nobody can reach them any more. Tasks owned by a principal outlive it (the principal may poll them from
     * another session), as do 2026-07-28 tasks, which outlive requests by design.
     */
    void sessionClosed(ServerSessionImpl session) {
        if (byOwner.isEmpty() || !session.idDrawn()) {
            return; // a session whose id was never drawn owns no task (and a stateless exchange draws none)
        }
        Set<TaskEntry> owned = byOwner.remove(sessionOwner(session));
        if (owned == null) {
            return;
        }
        for (TaskEntry entry : owned) {
            if (entry.expiry != null) {
                entry.expiry.cancel(false);
            }
            end(entry, "task cancelled: its session closed", "the session closed");
        }
    }

    /** Cancels every task and its expiry timer (the server is closing). */
    void close() {
        releaseAll();
        for (TaskEntry entry : tasks.values()) {
            if (entry.expiry != null) {
                entry.expiry.cancel(false);
            }
            expire(entry);
        }
        tasks.clear();
        byOwner.clear();
    }

    /** Moves the task to a status and notifies; returns false when it was already terminal (or unchanged). */
    private boolean update(TaskEntry entry, TaskStatus status, String message) {
        if (!entry.setStatus(status, message)) {
            return false;
        }
        if (!status.isTerminal()) {
            persist(entry); // a terminal status is stored with its outcome, once recorded
        }
        if (entry.v2) {
            return true; // 2026-07-28: sent on subscriptions/listen streams once the outcome is recorded (create)
        }
        notifySession(
                entry.session,
                new JsonRpcNotification(
                        McpMethods.NOTIFICATION_TASKS_STATUS,
                        McpJson.toTree(TaskStatusNotification.of(entry.task(), null))));
        return true;
    }

    /**
     * The ids among {@code requested} (a {@code subscriptions/listen} filter's {@code taskIds}) whose status
     * notifications the caller may receive: 2026-07-28 tasks that exist and belong to the caller. Another owner's
     * task and an unknown id are left out alike, so the answer does not tell which ids exist.
     */
    ArrayNode subscribable(Call call, JsonNode requested) {
        ArrayNode kept = McpJson.mapper().createArrayNode();
        String owner = owner(call);
        Set<String> seen = new HashSet<>();
        for (JsonNode id : requested) {
            TaskEntry entry = id.isString() ? findAnywhere(id.asString()) : null;
            if (entry != null
                    && entry.v2
                    && entry.owner.equals(owner)
                    && !entry.expiresAt().isBefore(Instant.now())
                    && seen.add(entry.id)) {
                kept.add(entry.id);
            }
        }
        return kept;
    }

    /**
     * Sends, on a listen stream just acknowledged, the current state of each task it subscribed to, so a task that
     * ended between its creation and the subscription is still seen ending.
     */
    void sendCurrent(ServerSessionImpl session, ServerSessionImpl.Listener listener) {
        for (JsonNode id : listener.filter().path("taskIds")) {
            TaskEntry entry = findAnywhere(id.asString(""));
            if (entry != null) {
                send(session, listener, entry);
            }
        }
    }

    /**
     * A 2026-07-28 task ended: its listeners are told. With a shared store and bus (#18) a listen stream may be on
     * any instance: the ended task goes out on {@code mcp:server} ({@code T<stored task JSON>}, after it was stored)
     * and every instance, this one included, tells its own listeners ({@link #endedElsewhere}).
     */
    private void ended(TaskEntry entry) {
        if (store() != null && core.shared().fansOut()) {
            if (!entry.detached) {
                dev.jmcp.server.StoredTask t = entry.toStored();
                core.shared()
                        .publish(
                                'T',
                                new dev.jmcp.server.StoredTask(
                                                t.taskId(),
                                                t.owner(),
                                                t.status(),
                                                t.statusMessage(),
                                                t.createdAt(),
                                                t.lastUpdatedAt(),
                                                t.ttlMs(),
                                                t.pollIntervalMs(),
                                                t.extension(),
                                                t.result(),
                                                t.error())
                                        .toJson());
            }
            return;
        }
        notifyListeners(entry);
    }

    /** A 2026-07-28 task ended on some instance ({@code json}: the stored task): this instance's listeners are told. */
    void endedElsewhere(String json) {
        TaskEntry view;
        try {
            view = new TaskEntry(dev.jmcp.server.StoredTask.fromJson(json));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Tasks.class).debug("unreadable task on the bus", e);
            return;
        }
        notifyListeners(view);
    }

    /** The task, from the shared store when there is one, else from this instance; null when unknown. */
    private TaskEntry findAnywhere(String id) {
        if (store() == null) {
            return tasks.get(id);
        }
        try {
            return findStored(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Sends the task's DetailedTask to every open listen stream that subscribed to it. */
    private void notifyListeners(TaskEntry entry) {
        for (ServerSessionImpl s : core.sessions()) {
            for (ServerSessionImpl.Listener l : s.listeners().values()) {
                for (JsonNode id : l.filter().path("taskIds")) {
                    if (entry.id.equals(id.asString(""))) {
                        send(s, l, entry);
                        break;
                    }
                }
            }
        }
    }

    private static void send(ServerSessionImpl session, ServerSessionImpl.Listener listener, TaskEntry entry) {
        JsonNode params = detailed(entry, ServerCore.listenerMeta(listener));
        synchronized (listener) { // after its acknowledgement (see Subscriptions)
            session.engine().notify(NOTIFICATION, params, listener.requestId()).exceptionally(e -> null);
        }
    }

    private static void notifySession(ServerSessionImpl session, JsonRpcNotification n) {
        session.engine().notify(n.method(), n.params()).exceptionally(e -> null);
    }

    /**
     * Answers when the task ends, without holding a thread meanwhile: the request is deferred and answered from
     * the completion of the task's outcome (which the expiry timer completes at the latest).
     */
    private JsonNode result(Call call) {
        if (call.stateless()) {
            throw Errors.methodNotFound(call.method()); // the 2026-07-28 extension inlines results in tasks/get
        }
        TaskEntry entry = find(call);
        InboundRequest request = call.request();
        request.defer();
        TaskEntry local = tasks.get(entry.id);
        java.util.concurrent.CompletableFuture<JsonNode> outcome =
                store() == null ? entry.done : local != null ? local.done : awaitStored(entry, call);
        outcome.whenComplete((result, error) -> {
            if (error == null) {
                ObjectNode copy = ((ObjectNode) result).deepCopy();
                copy.withObject("_meta").set(RELATED_TASK, McpJson.toTree(new RelatedTask(entry.id)));
                request.respond(copy);
            } else if (error instanceof McpRpcException rpc) {
                request.respondError(rpc.error());
            } else {
                request.respondError(JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, Tools.describe(error)));
            }
        });
        return null;
    }

    private JsonNode list(Call call) {
        if (call.stateless()) {
            throw Errors.methodNotFound(call.method());
        }
        Set<TaskEntry> owned = byOwner.get(owner(call));
        List<TaskEntry> mine = store() != null
                ? store().list(owner(call)).stream()
                        .map(t -> recoverIfAbandoned(call, new TaskEntry(t)))
                        .toList()
                : (owned == null ? Set.<TaskEntry>of() : owned)
                        .stream()
                                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                                .toList();
        Pages.Page<TaskEntry> page = Pages.page(
                "tasks", mine, call.stringParam("cursor"), core.config().pageSize());
        List<Task> listed = page.items().stream().map(TaskEntry::task).toList();
        return McpJson.toTree(new ListTasksResult(listed, page.nextCursor(), null));
    }

    private JsonNode cancel(Call call) {
        TaskEntry entry = find(call);
        if (entry.isTerminal()) {
            throw Errors.invalidParams(
                    "task " + entry.id + " is already " + entry.status().wire());
        }
        if (update(entry, TaskStatus.CANCELLED, "cancelled by the client")) {
            entry.finish(null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "task was cancelled"));
            entry.context.cancel("task cancelled");
        }
        return McpJson.toTree(GetTaskResult.of(entry.task(), null));
    }

    private TaskEntry find(Call call) {
        String id = call.requiredString("taskId");
        TaskEntry entry = store() != null ? findStored(id) : tasks.get(id);
        if (entry == null
                || !entry.owner.equals(owner(call))
                || entry.expiresAt().isBefore(Instant.now())) {
            throw Errors.invalidParams("Unknown task: " + id);
        }
        return store() != null ? recoverIfAbandoned(call, entry) : entry;
    }

    // ---- scale-out (#18): tasks shared through the TaskStore ----

    /** The shared task store, or null when tasks live in this instance only. */
    private dev.jmcp.server.TaskStore store() {
        return core.scaleOut().taskStore();
    }

    /** Records a new task in the shared store, which admits it against the owner's tasks on every instance. */
    private void createShared(TaskEntry entry) {
        dev.jmcp.server.TaskStore store = store();
        if (store == null) {
            return;
        }
        int max = core.config().maxTasksPerOwner();
        boolean admitted;
        try {
            admitted = store.create(entry.toStored(), max);
        } catch (RuntimeException e) {
            forget(entry);
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "task store unavailable");
        }
        if (!admitted) {
            forget(entry);
            ObjectNode data = McpJson.object();
            data.put("maxTasksPerOwner", max);
            throw new McpRpcException(new JsonRpcError(
                    ErrorCodes.INVALID_REQUEST,
                    "too many tasks: this requester already holds " + max + " tasks (running, or keeping a result"
                            + " until its ttl ends); wait for some to expire, or ask for a shorter ttl",
                    data));
        }
        lease(entry);
    }

    /** Writes the task's status (and outcome) to the shared store; a terminal stored task is left as it is. */
    private void persist(TaskEntry entry) {
        dev.jmcp.server.TaskStore store = store();
        if (store == null || entry.session == null || entry.detached) { // read-only view, or no longer run here
            return;
        }
        try {
            store.update(entry.toStored());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Tasks.class).warn("task store: saving task {} failed", entry.id, e);
        }
    }

    /** The stored task as a read-only entry, or null when unknown or expired. */
    private TaskEntry findStored(String id) {
        dev.jmcp.server.StoredTask stored = store().find(id);
        return stored == null ? null : new TaskEntry(stored);
    }

    /** The outcome of a task another instance runs: the store is polled at its poll interval until it ends. */
    private java.util.concurrent.CompletableFuture<JsonNode> awaitStored(TaskEntry entry, Call call) {
        java.util.concurrent.CompletableFuture<JsonNode> outcome = new java.util.concurrent.CompletableFuture<>();
        pollStored(entry.id, Math.max(50, entry.pollIntervalMs), outcome, call);
        return outcome;
    }

    /**
     * Polls the stored task until it ends; with {@code call} (the owner's {@code tasks/result}), a task whose instance
     * stopped is recovered meanwhile.
     */
    private void pollStored(
            String id, long intervalMs, java.util.concurrent.CompletableFuture<JsonNode> outcome, Call call) {
        Timers.schedule(
                () -> {
                    TaskEntry now;
                    try {
                        now = findStored(id);
                        if (now != null && call != null) {
                            now = recoverIfAbandoned(call, now);
                        }
                    } catch (RuntimeException e) {
                        now = null;
                    }
                    if (now == null) {
                        outcome.completeExceptionally(new McpRpcException(
                                JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "task " + id + " expired")));
                    } else if (now.done.isDone()) {
                        now.done.whenComplete((r, e) -> {
                            if (e == null) {
                                outcome.complete(r);
                            } else {
                                outcome.completeExceptionally(
                                        e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e);
                            }
                        });
                    } else if (!core.isClosed()) {
                        pollStored(id, intervalMs, outcome, call);
                    }
                },
                TimeUnit.MILLISECONDS.toNanos(intervalMs));
    }

    /**
     * {@code tasks/cancel} with a shared store (both eras): the cancellation is written to the store first, so it
     * wins over a later completion, then told to every instance, so the one running the handler cancels it.
     */
    private JsonNode cancelShared(Call call) {
        TaskEntry entry = call.stateless() ? find2026(call) : find(call);
        if (entry.isTerminal()) {
            if (call.stateless()) {
                return McpJson.toTree(EmptyResult.empty());
            }
            throw Errors.invalidParams(
                    "task " + entry.id + " is already " + entry.status().wire());
        }
        entry.setStatus(TaskStatus.CANCELLED, "cancelled by the client");
        entry.finish(null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "task was cancelled"));
        if (store().update(entry.toStored())) {
            core.shared().publish('C', entry.id);
        } else {
            TaskEntry now = findStored(entry.id); // it ended meanwhile: answer with what it is
            entry = now != null ? now : entry;
        }
        return call.stateless()
                ? McpJson.toTree(EmptyResult.empty())
                : McpJson.toTree(GetTaskResult.of(entry.task(), null));
    }

    /** Another instance cancelled a task (already stored as cancelled): the handler running here is cancelled. */
    void cancelledElsewhere(String id) {
        TaskEntry local = tasks.get(id);
        if (local == null || !local.setStatus(TaskStatus.CANCELLED, "cancelled by the client")) {
            return;
        }
        local.finish(null, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "task was cancelled"));
        ContextImpl ctx = local.context;
        if (ctx != null) {
            ctx.cancel("task cancelled");
        }
        if (!local.v2) {
            notifySession(
                    local.session,
                    new JsonRpcNotification(
                            McpMethods.NOTIFICATION_TASKS_STATUS,
                            McpJson.toTree(TaskStatusNotification.of(local.task(), null))));
        }
    }

    // ---- scale-out (#18): task leases, recovery of a task whose instance stopped ----

    /** What a claimed task whose tool may not be re-run fails with. */
    static final String STOPPED = "the instance running this task stopped";

    /** This instance's name on the leases it holds, drawn on first use (most servers never lease a task). */
    private volatile String holder;

    private final java.util.concurrent.atomic.AtomicBoolean renewing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    private String holder() {
        String h = holder;
        if (h == null) {
            synchronized (renewing) {
                h = holder;
                if (h == null) {
                    byte[] bytes = new byte[8];
                    Ids.RANDOM.nextBytes(bytes);
                    h = HexFormat.of().formatHex(bytes);
                    holder = h;
                }
            }
        }
        return h;
    }

    private Duration leaseDuration() {
        return core.scaleOut().taskLease();
    }

    /** Whether a task of {@code tool} is run again elsewhere when this instance stops (else it fails there). */
    private boolean rerunnable(ServerTool tool) {
        if (core.scaleOut().taskRecovery() != dev.jmcp.server.TaskRecovery.RERUN_IDEMPOTENT) {
            return false;
        }
        var a = tool.tool().annotations();
        return a != null && (Boolean.TRUE.equals(a.idempotentHint()) || Boolean.TRUE.equals(a.readOnlyHint()));
    }

    /** The stored request of a re-runnable task: the tool's name and arguments. */
    private static JsonNode request(ServerTool tool, JsonNode args) {
        ObjectNode r = McpJson.object();
        r.put("name", tool.tool().name());
        r.set("arguments", args);
        return r;
    }

    /** Takes the lease of a task this instance runs, and makes sure the leases are renewed while handlers run. */
    private void lease(TaskEntry entry) {
        try {
            store().renewLease(entry.id, holder(), leaseDuration());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Tasks.class).warn("task store: leasing task {} failed", entry.id, e);
        }
        if (renewing.compareAndSet(false, true)) {
            scheduleRenewal();
        }
    }

    private void scheduleRenewal() {
        Timers.schedule(
                () -> {
                    try {
                        core.config().handlerExecutor().execute(this::renewLeases);
                    } catch (RejectedExecutionException e) {
                        scheduleRenewal();
                    }
                },
                leaseDuration().toNanos() / 3);
    }

    /** Renews the lease of every task whose handler runs here (one store call each, every third of the lease). */
    private void renewLeases() {
        if (closed || core.isClosed()) {
            return;
        }
        try {
            for (TaskEntry entry : tasks.values()) {
                if (entry.session == null || entry.detached || entry.isTerminal()) {
                    continue;
                }
                boolean kept;
                try {
                    kept = store().renewLease(entry.id, holder(), leaseDuration());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Tasks.class)
                            .warn("task store: renewing the lease of task {} failed", entry.id, e);
                    continue;
                }
                if (!kept) {
                    lostLease(entry);
                }
            }
        } finally {
            scheduleRenewal();
        }
    }

    /**
     * Another instance took the task over (this instance did not renew in time) or it ended elsewhere: the handler
     * here is cancelled and its outcome dropped; local waiters get the stored outcome.
     */
    private void lostLease(TaskEntry entry) {
        entry.detached = true;
        forget(entry);
        if (entry.expiry != null) {
            entry.expiry.cancel(false);
        }
        ContextImpl ctx = entry.context;
        if (ctx != null) {
            ctx.cancel("the task was taken over by another instance");
        }
        awaitStored(entry, null).whenComplete((r, e) -> {
            if (e == null) {
                entry.finish(r, null);
            } else {
                entry.finish(
                        null,
                        e instanceof McpRpcException rpc
                                ? rpc.error()
                                : JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, Tools.describe(e)));
            }
        });
    }

    /** Shutting down: the leases this instance holds are given up, so that other instances take the tasks at once. */
    private void releaseAll() {
        closed = true;
        dev.jmcp.server.TaskStore store = store();
        if (store == null) {
            return;
        }
        for (TaskEntry entry : tasks.values()) {
            entry.detached = true; // its cancellation below is this instance's, not the task's
            if (entry.session != null && !entry.isTerminal()) {
                try {
                    store.releaseLease(entry.id, holder());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Tasks.class)
                            .debug("task store: releasing task {} failed", entry.id, e);
                }
            }
        }
    }

    /**
     * A stored task that is still running somewhere, seen by its owner's {@code call}: when no instance holds its
     * lease any more, this instance claims it (atomically: one claimer wins) and either runs its handler again (a
     * re-runnable tool, see {@link dev.jmcp.server.TaskRecovery}) or marks it failed. Returns what the task is now.
     */
    private TaskEntry recoverIfAbandoned(Call call, TaskEntry view) {
        if (view.isTerminal() || closed || tasks.containsKey(view.id)) {
            return view;
        }
        dev.jmcp.server.TaskStore store = store();
        try {
            if (!store.claim(view.id, holder(), leaseDuration())) {
                return view;
            }
        } catch (RuntimeException e) {
            return view;
        }
        ServerTool tool = view.request == null
                ? null
                : core.tools().get(view.request.path("name").asString(""));
        if (tool != null && rerunnable(tool)) {
            return rerun(call, view, tool);
        }
        view.setStatus(TaskStatus.FAILED, STOPPED);
        view.finish(
                null,
                JsonRpcError.of(
                        ErrorCodes.INTERNAL_ERROR,
                        STOPPED + " before it ended, and its tool is not declared safe to run again"));
        try {
            if (!store.update(view.toStored())) {
                TaskEntry now = findStored(view.id);
                return now != null ? now : view;
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Tasks.class).warn("task store: failing task {} failed", view.id, e);
            return view;
        }
        if (view.v2) {
            ended(view);
        }
        return view;
    }

    /** Runs a claimed task's handler again here, from its stored request, under the lease just taken. */
    private TaskEntry rerun(Call call, TaskEntry view, ServerTool tool) {
        TaskEntry entry = new TaskEntry(view, call.session(), "restarted: " + STOPPED);
        tasks.put(entry.id, entry);
        byOwner.computeIfAbsent(entry.owner, o -> ConcurrentHashMap.newKeySet()).add(entry);
        persist(entry);
        if (entry.v2) {
            entry.done.whenComplete((r, e) -> ended(entry));
        }
        InputChannel none = InputChannel.single((method, params, capability) -> {
            throw new dev.jmcp.core.McpException(method + " is not available to a task run again after " + STOPPED);
        });
        ContextImpl ctx = new ContextImpl(core, call, none, n -> {});
        ctx.answerEarlyTo(earlyAnswerFor(entry));
        entry.context = ctx;
        long left = Math.max(1, entry.expiresAt().toEpochMilli() - System.currentTimeMillis());
        entry.expiry = Timers.schedule(() -> expire(entry), TimeUnit.MILLISECONDS.toNanos(left));
        if (renewing.compareAndSet(false, true)) {
            scheduleRenewal();
        }
        JsonNode args = view.request.path("arguments");
        try {
            core.config()
                    .handlerExecutor()
                    .execute(() -> run(entry, tool, args.isObject() ? args : McpJson.object(), ctx));
        } catch (RejectedExecutionException e) {
            fail(entry, JsonRpcError.of(ErrorCodes.INTERNAL_ERROR, "server is overloaded"));
        }
        return entry;
    }

    // ---- end of scale-out ----

    /** Who owns the tasks {@code call} creates or reaches. */
    static String owner(Call call) {
        String principal = call.auth() != null ? call.auth().ownerKey() : null;
        if (principal != null) {
            return "principal:" + principal;
        }
        // 2026-07-28 requests stand alone (any connection may poll): the unguessable id is the capability
        return call.stateless() ? "stateless" : sessionOwner(call.session());
    }

    private static String sessionOwner(ServerSessionImpl session) {
        return "session:" + session.id();
    }

    /** Lets the handler's early answer (before it returns) complete or fail the task. */
    private ContextImpl.EarlyAnswer earlyAnswerFor(TaskEntry entry) {
        return new ContextImpl.EarlyAnswer() {
            @Override
            public boolean result(JsonNode result) {
                return complete(entry, result);
            }

            @Override
            public boolean error(JsonRpcError error) {
                return fail(entry, error);
            }
        };
    }
}
