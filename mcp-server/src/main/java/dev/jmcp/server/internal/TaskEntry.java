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
    final Instant createdAt = Instant.now();
    final CompletableFuture<JsonNode> done = new CompletableFuture<>();
    volatile ContextImpl context;
    volatile ScheduledFuture<?> expiry;
    private TaskStatus status = TaskStatus.WORKING;
    private String statusMessage;
    private Instant lastUpdatedAt = createdAt;

    /** A 2026-07-28 extension task (SEP-2663 wire: ttlMs, pollIntervalMs, tool errors complete). */
    final boolean v2;

    TaskEntry(String id, String owner, ServerSessionImpl session, long ttlMs, long pollIntervalMs, boolean v2) {
        this.v2 = v2;
        this.id = id;
        this.owner = owner;
        this.session = session;
        this.ttlMs = ttlMs;
        this.pollIntervalMs = pollIntervalMs;
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
