package dev.jmcp.server.internal;

import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.tasks.ExtensionTask;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import tools.jackson.databind.JsonNode;

/** One task: its status, its owner and its eventual result. */
final class TaskEntry {
    final String id;
    final String owner;
    final ServerSessionImpl session;
    final long ttlMs;
    final long pollIntervalMs;
    final Instant createdAt;
    final CompletableFuture<JsonNode> done = new CompletableFuture<>();
    volatile ContextImpl context;
    volatile ScheduledFuture<?> expiry;
    private TaskStatus status = TaskStatus.WORKING;
    private String statusMessage;
    private Instant lastUpdatedAt;

    /** A 2026-07-28 extension task (SEP-2663 wire: ttlMs, pollIntervalMs, tool errors complete). */
    final boolean v2;
    /** Scale-out: the tool call another instance may re-run ({@link dev.jmcp.server.StoredTask#request()}), or null. */
    volatile JsonNode request;
    /** Scale-out: this instance no longer runs the task (lease lost, or shutting down); its outcome is not stored. */
    volatile boolean detached;

    TaskEntry(String id, String owner, ServerSessionImpl session, long ttlMs, long pollIntervalMs, boolean v2) {
        this.v2 = v2;
        this.id = id;
        this.owner = owner;
        this.session = session;
        this.ttlMs = ttlMs;
        this.pollIntervalMs = pollIntervalMs;
        this.createdAt = Instant.now();
        this.lastUpdatedAt = createdAt;
    }

    /** A read-only view of a task another instance may run, as the task store has it (issue #18). */
    TaskEntry(dev.jmcp.server.StoredTask stored) {
        this.v2 = stored.extension();
        this.id = stored.taskId();
        this.owner = stored.owner();
        this.session = null;
        this.ttlMs = stored.ttlMs();
        this.pollIntervalMs = stored.pollIntervalMs();
        this.createdAt = stored.createdAt();
        this.status = stored.status();
        this.statusMessage = stored.statusMessage();
        this.lastUpdatedAt = stored.lastUpdatedAt();
        this.request = stored.request();
        if (stored.isTerminal()) {
            finish(stored.result(), stored.error());
        }
    }

    /**
     * A task this instance took over from a stopped instance and runs again (issue #18): working, with {@code
     * message}, served on {@code session}.
     */
    TaskEntry(TaskEntry view, ServerSessionImpl session, String message) {
        this.v2 = view.v2;
        this.id = view.id;
        this.owner = view.owner;
        this.session = session;
        this.ttlMs = view.ttlMs;
        this.pollIntervalMs = view.pollIntervalMs;
        this.createdAt = view.createdAt;
        this.status = TaskStatus.WORKING;
        this.statusMessage = message;
        this.lastUpdatedAt = Instant.now();
        this.request = view.request;
    }

    /** The task as the task store keeps it: its status and, once recorded, its outcome. */
    synchronized dev.jmcp.server.StoredTask toStored() {
        JsonNode result = null;
        JsonRpcError error = null;
        if (done.isDone()) {
            try {
                result = done.getNow(null);
            } catch (java.util.concurrent.CompletionException e) {
                error = e.getCause() instanceof McpRpcException rpc
                        ? rpc.error()
                        : JsonRpcError.of(dev.jmcp.core.ErrorCodes.INTERNAL_ERROR, String.valueOf(e.getCause()));
            }
        }
        return new dev.jmcp.server.StoredTask(
                id,
                owner,
                status,
                statusMessage,
                createdAt,
                lastUpdatedAt,
                ttlMs,
                pollIntervalMs,
                v2,
                result,
                error,
                request);
    }

    synchronized TaskStatus status() {
        return status;
    }

    synchronized boolean isTerminal() {
        return status.isTerminal();
    }

    /** Moves to a status; a terminal status never changes. Returns whether it changed. */
    synchronized boolean setStatus(TaskStatus next, String message) {
        if (isTerminal() || status == next) {
            return false;
        }
        status = next;
        statusMessage = message;
        lastUpdatedAt = Instant.now();
        return true;
    }

    /** Records the outcome once; returns false when it was already recorded. */
    boolean finish(JsonNode result, JsonRpcError error) {
        return error == null ? done.complete(result) : done.completeExceptionally(new McpRpcException(error));
    }

    Instant expiresAt() {
        return createdAt.plusMillis(ttlMs);
    }

    /** The task in the 2025-11-25 shape ({@code ttl}, {@code pollInterval}). */
    synchronized Task task() {
        return Task.builder(id, status, createdAt.toString(), lastUpdatedAt.toString())
                .statusMessage(statusMessage)
                .ttl(ttlMs)
                .pollInterval(pollIntervalMs)
                .build();
    }

    /** The task in the 2026-07-28 extension shape ({@code ttlMs}, {@code pollIntervalMs}). */
    synchronized ExtensionTask extensionTask() {
        return ExtensionTask.builder(id, status, createdAt.toString(), lastUpdatedAt.toString())
                .statusMessage(statusMessage)
                .ttlMs(ttlMs)
                .pollIntervalMs(pollIntervalMs)
                .build();
    }
}
