package dev.jmcp.client.internal;

import dev.jmcp.client.ClientTaskOptions;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.internal.Timers;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
import dev.jmcp.core.protocol.mrtr.InputResponse;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.ListTasksResult;
import dev.jmcp.core.protocol.tasks.RelatedTask;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.session.McpSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tasks the server created at this client (SEP-1686, 2025-11-25): a task-augmented
 * {@code sampling/createMessage} or {@code elicitation/create} is answered with {@code CreateTaskResult} at once
 * while its handler runs in the background; {@code tasks/get}, {@code tasks/result}, {@code tasks/list} and
 * {@code tasks/cancel} serve the server. Task ids are random UUIDs (unguessable). A task is deleted when its TTL
 * (from creation) runs out; a task still working then is cancelled.
 */
public final class ClientTaskStore {
    private static final Logger LOG = LoggerFactory.getLogger(ClientTaskStore.class);
    private static final int PAGE_SIZE = 100;

    private final ClientTaskOptions options;
    private final McpSession session;
    private final Executor executor;
    private final Map<String, Entry> tasks = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    ClientTaskStore(ClientTaskOptions options, McpSession session, Executor executor) {
        this.options = options;
        this.session = session;
        this.executor = executor;
    }

    /** Whether a task-augmented request of {@code method} is run as a task (else it is served normally). */
    boolean accepts(String method) {
        switch (method) {
            case McpMethods.SAMPLING_CREATE_MESSAGE:
                return options.sampling();
            case McpMethods.ELICITATION_CREATE:
                return options.elicitation();
            default:
                return false;
        }
    }

    /** Creates a task that runs {@code handler} with {@code params}; returns the {@code CreateTaskResult}. */
    JsonNode create(JsonNode params, InputHandler handler) {
        long ttl = grantedTtl(params.get("task"));
        Instant now = now();
        Entry entry = new Entry(UUID.randomUUID().toString(), sequence.incrementAndGet(), now, ttl);
        synchronized (this) {
            if (closed) {
                throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "the client is closing");
            }
            if (tasks.size() >= options.maxTasks()) {
                throw new McpRpcException(
                        ErrorCodes.INTERNAL_ERROR, "too many tasks (" + options.maxTasks() + "); try again later");
            }
            tasks.put(entry.id, entry);
        }
        entry.expiry = Timers.schedule(() -> executor.execute(() -> expire(entry)), TimeUnit.MILLISECONDS.toNanos(ttl));
        entry.run = new FutureTask<>(() -> {
            run(entry, handler, params);
            return null;
        });
        try {
            executor.execute(entry.run);
        } catch (RuntimeException rejected) {
            remove(entry);
            throw new McpRpcException(ErrorCodes.INTERNAL_ERROR, "the client is overloaded");
        }
        return McpJson.toTree(CreateTaskResult.of(entry.task()));
    }

    private void run(Entry entry, InputHandler handler, JsonNode params) {
        InputResponse result;
        try {
            result = handler.answer(params);
        } catch (McpRpcException e) {
            finish(entry, TaskStatus.FAILED, e.getMessage(), null, e);
            return;
        } catch (InterruptedException | McpException e) {
            if (!entry.isTerminal()) {
                finish(entry, TaskStatus.FAILED, String.valueOf(e.getMessage()), null, asRpc(e));
            }
            return;
        } catch (Exception | StackOverflowError e) {
            String message =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            finish(entry, TaskStatus.FAILED, message, null, new McpRpcException(ErrorCodes.INTERNAL_ERROR, message));
            return;
        }
        finish(entry, TaskStatus.COMPLETED, null, McpJson.toTree(result), null);
    }

    private static McpRpcException asRpc(Exception e) {
        return e instanceof McpRpcException r
                ? r
                : new McpRpcException(ErrorCodes.INTERNAL_ERROR, String.valueOf(e.getMessage()));
    }

    /** Moves a working task to a terminal status; false (nothing changes) when it already is terminal. */
    private boolean finish(Entry entry, TaskStatus status, String message, JsonNode result, McpRpcException error) {
        synchronized (entry) {
            if (entry.status.isTerminal() || entry.expired) {
                return false;
            }
            entry.status = status;
            entry.statusMessage = message;
            entry.lastUpdatedAt = now();
        }
        if (result != null) {
            entry.outcome.complete(result);
        } else {
            entry.outcome.completeExceptionally(error);
        }
        notifyStatus(entry);
        return true;
    }

    private void notifyStatus(Entry entry) {
        if (closed || !session.isOpen()) {
            return;
        }
        session.notify(
                        McpMethods.NOTIFICATION_TASKS_STATUS,
                        McpJson.toTree(TaskStatusNotification.of(entry.task(), null)))
                .exceptionally(e -> {
                    LOG.debug("cannot send the status of task {}", entry.id, e);
                    return null;
                });
    }

    private void expire(Entry entry) {
        if (!remove(entry)) {
            return;
        }
        synchronized (entry) {
            entry.expired = true; // a handler stopped below no longer changes the task
        }
        entry.outcome.completeExceptionally(
                new McpRpcException(ErrorCodes.INVALID_PARAMS, "task " + entry.id + " expired (its ttl ran out)"));
        if (entry.run != null) {
            entry.run.cancel(true);
        }
    }

    private synchronized boolean remove(Entry entry) {
        return tasks.remove(entry.id, entry);
    }

    // ---- the tasks/* requests the server sends ----

    /** {@code tasks/get}: the task's state. */
    JsonNode get(JsonNode params) {
        return McpJson.toTree(GetTaskResult.of(find(params).task(), null));
    }

    /**
     * {@code tasks/result}: blocks until the task is terminal (at most until it expires), then answers what the
     * request would have answered, its {@code _meta} carrying {@code io.modelcontextprotocol/related-task}.
     */
    JsonNode result(JsonNode params) throws InterruptedException {
        Entry entry = find(params);
        long remaining = entry.createdAt.plusMillis(entry.ttl).toEpochMilli() - System.currentTimeMillis();
        JsonNode result;
        try {
            result = entry.outcome.get(Math.max(remaining, 0) + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof McpRpcException r ? r : new McpRpcException(ErrorCodes.INTERNAL_ERROR, "failed");
        } catch (TimeoutException | CancellationException e) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "task " + entry.id + " expired");
        }
        // the handler's result (a sampling or elicitation result) as it was sent, plus the related-task key
        ObjectNode copy = ((ObjectNode) result).deepCopy();
        JsonNode meta = copy.get(MetaKeys.META);
        ObjectNode m = meta != null && meta.isObject() ? (ObjectNode) meta : copy.putObject(MetaKeys.META);
        m.set(MetaKeys.RELATED_TASK, McpJson.toTree(new RelatedTask(entry.id)));
        return copy;
    }

    /** {@code tasks/list}: the live tasks, oldest first, {@value #PAGE_SIZE} per page. */
    JsonNode list(JsonNode params) {
        JsonNode cursorNode = params == null ? null : params.get("cursor");
        long after = 0;
        if (cursorNode != null && !cursorNode.isNull()) {
            try {
                after = Long.parseLong(cursorNode.asString(""), 36);
            } catch (NumberFormatException e) {
                throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "invalid cursor");
            }
        }
        List<Task> page = new ArrayList<>();
        String next = null;
        synchronized (this) {
            long last = after;
            for (Entry e : tasks.values()) {
                if (e.seq <= after) {
                    continue;
                }
                if (page.size() == PAGE_SIZE) {
                    next = Long.toString(last, 36);
                    break;
                }
                page.add(e.task());
                last = e.seq;
            }
        }
        return McpJson.toTree(new ListTasksResult(page, next, null));
    }

    /** {@code tasks/cancel}: sets {@code cancelled} (a terminal task is refused with -32602), then stops it. */
    JsonNode cancel(JsonNode params) {
        Entry entry = find(params);
        boolean cancelled = finish(
                entry,
                TaskStatus.CANCELLED,
                "cancelled by the server",
                null,
                new McpRpcException(ErrorCodes.INVALID_PARAMS, "task " + entry.id + " was cancelled"));
        if (!cancelled) {
            throw new McpRpcException(
                    ErrorCodes.INVALID_PARAMS,
                    "cannot cancel task " + entry.id + ": already in terminal status " + entry.status.wire());
        }
        if (entry.run != null) {
            entry.run.cancel(true);
        }
        return McpJson.toTree(GetTaskResult.of(entry.task(), null));
    }

    private Entry find(JsonNode params) {
        JsonNode id = params == null ? null : params.get("taskId");
        if (id == null || !id.isString()) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "taskId is required");
        }
        Entry entry;
        synchronized (this) {
            entry = tasks.get(id.asString());
        }
        if (entry == null) {
            throw new McpRpcException(ErrorCodes.INVALID_PARAMS, "unknown task: " + id.asString());
        }
        return entry;
    }

    /** The number of live tasks (for tests and diagnostics). */
    public synchronized int size() {
        return tasks.size();
    }

    /** Cancels every task and its timer; later task requests are refused. */
    void close() {
        List<Entry> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(tasks.values());
            tasks.clear();
        }
        for (Entry e : all) {
            if (e.expiry != null) {
                e.expiry.cancel(false);
            }
            if (e.run != null) {
                e.run.cancel(true);
            }
            e.outcome.completeExceptionally(new McpRpcException(ErrorCodes.INTERNAL_ERROR, "the client closed"));
        }
    }

    private long grantedTtl(JsonNode task) {
        long max = options.maxTtl().toMillis();
        JsonNode ttl = task == null ? null : task.get("ttl");
        if (ttl == null || !ttl.isNumber()) {
            return options.defaultTtl().toMillis();
        }
        return Math.max(1, Math.min(ttl.longValue(), max));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** One task. */
    private final class Entry {
        final String id;
        final long seq;
        final Instant createdAt;
        final long ttl;
        final CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
        volatile TaskStatus status = TaskStatus.WORKING;
        volatile boolean expired;
        volatile String statusMessage;
        volatile Instant lastUpdatedAt;
        volatile FutureTask<Void> run;
        volatile ScheduledFuture<?> expiry;

        Entry(String id, long seq, Instant createdAt, long ttl) {
            this.id = id;
            this.seq = seq;
            this.createdAt = createdAt;
            this.ttl = ttl;
            this.lastUpdatedAt = createdAt;
        }

        boolean isTerminal() {
            return status.isTerminal();
        }

        synchronized Task task() {
            return Task.builder(id, status, createdAt.toString(), lastUpdatedAt.toString())
                    .statusMessage(statusMessage)
                    .ttl(ttl)
                    .pollInterval(options.pollInterval().toMillis())
                    .build();
        }
    }
}
