package dev.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One task as a {@link TaskStore} keeps it.
 *
 * @param taskId the task id (unguessable)
 * @param owner who may reach it: {@code principal:<key>}, {@code session:<id>} or {@code stateless}
 * @param status its status
 * @param statusMessage a message for the status, or null
 * @param createdAt when it was created
 * @param lastUpdatedAt when its status last changed
 * @param ttlMs how long it is kept after its creation
 * @param pollIntervalMs the poll interval suggested to clients
 * @param extension whether it is a 2026-07-28 extension task (its wire shape and tool-error semantics differ)
 * @param result the tool's result once it completed, else null
 * @param error the JSON-RPC error it failed or was cancelled with, else null
 * @param request what another instance needs to run the task again when the instance running it stops ({@code
 *     {"name": tool, "arguments": {...}}}), kept only for tools that are safe to re-run and a server that opted in
 *     ({@link TaskRecovery#RERUN_IDEMPOTENT}); else null
 */
public record StoredTask(
        String taskId,
        String owner,
        TaskStatus status,
        String statusMessage,
        Instant createdAt,
        Instant lastUpdatedAt,
        long ttlMs,
        long pollIntervalMs,
        boolean extension,
        JsonNode result,
        JsonRpcError error,
        JsonNode request) {

    /**
     * Checks the required fields.
     *
     * @param taskId the task id (unguessable)
     * @param owner who may reach it: {@code principal:<key>}, {@code session:<id>} or {@code stateless}
     * @param status its status
     * @param statusMessage a message for the status, or null
     * @param createdAt when it was created
     * @param lastUpdatedAt when its status last changed
     * @param ttlMs how long it is kept after its creation
     * @param pollIntervalMs the poll interval suggested to clients
     * @param extension whether it is a 2026-07-28 extension task (its wire shape and tool-error semantics differ)
     * @param result the tool's result once it completed, else null
     * @param error the JSON-RPC error it failed or was cancelled with, else null
     * @param request the stored request that lets another instance run the task again, or null
     */
    public StoredTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    }

    /**
     * A task without a stored request (it is not re-run elsewhere).
     *
     * @param taskId the task id
     * @param owner who may reach it
     * @param status its status
     * @param statusMessage a message for the status, or null
     * @param createdAt when it was created
     * @param lastUpdatedAt when its status last changed
     * @param ttlMs how long it is kept after its creation
     * @param pollIntervalMs the poll interval suggested to clients
     * @param extension whether it is a 2026-07-28 extension task
     * @param result the tool's result, or null
     * @param error the JSON-RPC error, or null
     */
    public StoredTask(
            String taskId,
            String owner,
            TaskStatus status,
            String statusMessage,
            Instant createdAt,
            Instant lastUpdatedAt,
            long ttlMs,
            long pollIntervalMs,
            boolean extension,
            JsonNode result,
            JsonRpcError error) {
        this(
                taskId,
                owner,
                status,
                statusMessage,
                createdAt,
                lastUpdatedAt,
                ttlMs,
                pollIntervalMs,
                extension,
                result,
                error,
                null);
    }

    /**
     * When it expires everywhere.
     *
     * @return when it expires everywhere
     */
    public Instant expiresAt() {
        return createdAt.plusMillis(ttlMs);
    }

    /**
     * Whether its status is terminal (completed, failed, cancelled): it never changes again.
     *
     * @return whether its status is terminal (completed, failed, cancelled): it never changes again
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * The task as one JSON text, for stores that keep strings ({@link #fromJson} reads it back).
     *
     * @return the task as one JSON text, for stores that keep strings ({@link #fromJson} reads it back)
     */
    public String toJson() {
        ObjectNode o = McpJson.object();
        o.put("taskId", taskId);
        o.put("owner", owner);
        o.put("status", status.wire());
        if (statusMessage != null) {
            o.put("statusMessage", statusMessage);
        }
        o.put("createdAt", createdAt.toString());
        o.put("lastUpdatedAt", lastUpdatedAt.toString());
        o.put("ttlMs", ttlMs);
        o.put("pollIntervalMs", pollIntervalMs);
        o.put("extension", extension);
        if (result != null) {
            o.set("result", result);
        }
        if (error != null) {
            o.set("error", McpJson.toTree(error));
        }
        if (request != null) {
            o.set("request", request);
        }
        return McpJson.write(o);
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @param json the JSON
     * @return the stored task
     */
    public static StoredTask fromJson(String json) {
        JsonNode o = McpJson.parse(json);
        JsonNode error = o.get("error");
        return new StoredTask(
                o.path("taskId").asString(),
                o.path("owner").asString(),
                TaskStatus.fromWire(o.path("status").asString()),
                o.path("statusMessage").asString(null),
                Instant.parse(o.path("createdAt").asString()),
                Instant.parse(o.path("lastUpdatedAt").asString()),
                o.path("ttlMs").asLong(),
                o.path("pollIntervalMs").asLong(),
                o.path("extension").asBoolean(false),
                o.get("result"),
                error == null || error.isNull() ? null : McpJson.fromTree(error, JsonRpcError.class),
                o.get("request"));
    }
}
