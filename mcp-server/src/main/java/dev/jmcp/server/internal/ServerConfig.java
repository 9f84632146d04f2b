package dev.jmcp.server.internal;

import dev.jmcp.core.protocol.CacheScope;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.server.ServerInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The settings an {@link dev.jmcp.server.McpServer} was built with.
 *
 * @param serverInfo the server as sent in {@code serverInfo} (trimmed per revision)
 * @param instructions instructions for the model, or null
 * @param handlerExecutor where user handlers run
 * @param handlerTimeout how long a request's handler may run before it is cancelled and the request fails (not
 *     tasks)
 * @param clientRequestTimeout how long a server-to-client request (elicit, sample, roots) may wait
 * @param pageSize items per page of every list
 * @param stateKeys the AES keys sealing 2026-07-28 {@code requestState} (current and previous)
 * @param stateMaxAge how long after it was issued a {@code requestState} is accepted
 * @param taskTtl the default and maximum task time-to-live
 * @param taskTimeout how long a task's handler may run unless its tool sets its own limit
 * @param maxTasksPerOwner how many tasks one owner (principal, session, or the anonymous stateless caller) may hold
 * @param listTtlMs the 2026-07-28 {@code ttlMs} caching hint on lists and reads
 * @param cacheScope the 2026-07-28 {@code cacheScope} caching hint
 * @param schemaCacheSize how many compiled schemas to keep
 * @param declareTools declare the tools capability even with no tool registered
 * @param declareResources declare the resources capability even with no resource registered
 * @param declarePrompts declare the prompts capability even with no prompt registered
 * @param clientTasks send elicitation and sampling as tasks when the client supports task-augmented requests
 * @param interceptors the user's interceptors, outermost first
 * @param engineLimits the per-session in-flight cap and the server-wide handler bulkhead
 */
public record ServerConfig(
        Implementation serverInfo,
        String instructions,
        Executor handlerExecutor,
        Duration handlerTimeout,
        Duration clientRequestTimeout,
        int pageSize,
        StateKeys stateKeys,
        Duration stateMaxAge,
        Duration taskTtl,
        Duration taskTimeout,
        int maxTasksPerOwner,
        long listTtlMs,
        CacheScope cacheScope,
        int schemaCacheSize,
        boolean declareTools,
        boolean declareResources,
        boolean declarePrompts,
        boolean clientTasks,
        List<ServerInterceptor> interceptors,
        EngineLimits engineLimits) {
    /** Copies the interceptor list. */
    public ServerConfig {
        interceptors = interceptors == null ? List.of() : List.copyOf(interceptors);
    }
}
