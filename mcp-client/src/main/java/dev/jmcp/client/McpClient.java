package dev.jmcp.client;

import dev.jmcp.client.internal.ClientRuntime;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.CompleteResult;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.ListPromptsResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.ListResourceTemplatesResult;
import dev.jmcp.core.protocol.resources.ListResourcesResult;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.ListTasksResult;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.Await;
import dev.jmcp.core.transport.CallerWaits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * An MCP client: connects to one server over a {@link dev.jmcp.core.transport.Transport}, negotiates the protocol
 * era, and offers every client-to-server method with typed results. The methods here block (cheap on virtual
 * threads), each bounded by a timeout; {@link #async()} gives the same client as {@code CompletableFuture}s.
 *
 * <pre>{@code
 * try (McpClient client = McpClient.builder()
 *         .transport(transport)                       // stdio, HTTP, or InMemoryTransport in tests
 *         .clientInfo("my-app", "1.0")
 *         .elicitation(request -> ElicitResult.accept(Map.of()))
 *         .build()) {
 *     ServerDescription server = client.connect();    // server/discover, else initialize
 *     for (Tool tool : client.listAllTools()) {
 *         System.out.println(tool.name());
 *     }
 *     CallToolResult result = client.callTool("add", Map.of("a", 5, "b", 3));
 *     System.out.println(result.content());
 * }
 * }</pre>
 *
 * <p><b>Eras.</b> By default {@link #connect()} sends {@code server/discover}: a server that lists 2026-07-28 is
 * spoken to statelessly (every request carries version, capabilities and client info in {@code _meta}, and
 * {@code input_required} results are answered by the registered handlers and retried); a
 * handshake-only answer (an error that is not a 2026-07-28 error, or no answer within the discovery timeout) falls
 * back to the {@code initialize} handshake (2024-11-05 to 2025-11-25), and the client remembers that server so the
 * next connection skips the probe. A 2026-07-28 error to the probe fails the connect rather than fall back. Pin an
 * era with {@link McpClientBuilder#protocolVersion}.
 *
 * <p><b>Lost sessions and connections.</b> When the server no longer knows a handshake-era session (HTTP 404 after
 * a restart or expiry), the client starts a new one, subscribes again, retries the request once and tells the
 * {@link McpClientBuilder#onReconnected} listeners. When the peer goes away (a stdio server process exits), calls
 * fail with an error naming why; a client built with {@link McpClientBuilder#transport(java.util.function.Supplier)
 * a transport factory} may then {@link #connect()} again.
 *
 * <p><b>Errors.</b> Calls the server declared no capability for throw {@link MissingServerCapabilityException}
 * before sending; server errors throw {@link dev.jmcp.core.McpRpcException}; timeouts
 * {@link dev.jmcp.core.McpTimeoutException} (the request is cancelled at the server); a closed connection
 * {@link dev.jmcp.core.McpTransportException}. A tool that fails returns a result with {@code isError}.
 *
 * <p>Thread-safe. {@link #close()} cancels pending calls and releases the transport.
 */
public final class McpClient implements AutoCloseable {
    private static final Duration SLACK = Duration.ofSeconds(1);

    private final ClientRuntime runtime;
    private final McpAsyncClient async;
    private final Duration callBound;
    private final Duration connectBound;

    McpClient(McpClientBuilder b) {
        this.runtime = new ClientRuntime(b.toConfig());
        this.async = new McpAsyncClient(runtime, b);
        this.callBound = b.maxRequestTimeout.plus(SLACK);
        this.connectBound = b.discoveryTimeout.plus(b.requestTimeout).plus(SLACK);
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static McpClientBuilder builder() {
        return new McpClientBuilder();
    }

    /**
     * The same client with {@code CompletableFuture} methods.
     *
     * @return the same client with {@code CompletableFuture} methods
     */
    public McpAsyncClient async() {
        return async;
    }

    /**
     * Connects and negotiates; returns what the server told. Closes the transport if negotiation fails. May be
     * called again once the connection was lost, if the client was built with a transport factory.
     *
     * @return what the server told at connect
     */
    public ServerDescription connect() {
        return Await.result(async.connect(), connectBound);
    }

    /**
     * What the server told at connect, or null before.
     *
     * @return what the server told at connect, or null before
     */
    public ServerDescription server() {
        return async.server();
    }

    /**
     * The revision in use, or null before {@link #connect()}.
     *
     * @return the revision in use, or null before {@link #connect()}
     */
    public ProtocolVersion protocolVersion() {
        ServerDescription s = server();
        return s == null ? null : s.protocolVersion();
    }

    /**
     * Whether the client is connected and not closed.
     *
     * @return whether the client is connected and not closed
     */
    public boolean isConnected() {
        return async.isConnected();
    }

    /**
     * The first page of tools.
     *
     * @return the first page of tools
     */
    public ListToolsResult listTools() {
        return await(async.listTools());
    }

    /**
     * The page of tools at {@code cursor}.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of tools at {@code cursor}
     */
    public ListToolsResult listTools(String cursor) {
        return await(async.listTools(cursor));
    }

    /**
     * Every tool, following cursors.
     *
     * @return every tool, following cursors
     */
    public List<Tool> listAllTools() {
        return await(async.listAllTools());
    }

    /**
     * Calls a tool.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @return the tool's result
     */
    public CallToolResult callTool(String name, JsonNode arguments) {
        return await(CallerWaits.run(() -> async.callTool(name, arguments)));
    }

    /**
     * Calls a tool with arguments given as a map.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments, written as a JSON object
     * @return the tool's result
     */
    public CallToolResult callTool(String name, Map<String, ?> arguments) {
        return await(CallerWaits.run(() -> async.callTool(name, arguments)));
    }

    /**
     * Calls a tool with options (timeout, progress, {@code _meta}).
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return the tool's result
     */
    public CallToolResult callTool(String name, JsonNode arguments, CallOptions options) {
        return await(CallerWaits.run(() -> async.callTool(name, arguments, options)), options);
    }

    /**
     * Calls a tool as a task (either era; see {@link McpAsyncClient#callToolAsTask}).
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @return the created task
     */
    public CreateTaskResult callToolAsTask(String name, JsonNode arguments, TaskMetadata task) {
        return await(async.callToolAsTask(name, arguments, task));
    }

    /**
     * Calls a tool as a task (2025-11-25) and waits up to {@code timeout} for its result, polling
     * {@code tasks/get} at the server's {@code pollInterval}, then fetching {@code tasks/result}. See
     * {@link McpAsyncClient#callToolAsTaskAndWait}.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @param timeout how long to wait for the task's result
     * @return the tool's result
     */
    public CallToolResult callToolAsTaskAndWait(String name, JsonNode arguments, TaskMetadata task, Duration timeout) {
        return Await.result(async.callToolAsTaskAndWait(name, arguments, task, timeout), timeout.plus(SLACK));
    }

    // ---- tasks in both eras (2025-11-25 core tasks, 2026-07-28 tasks extension) ----

    /**
     * Calls a tool as a task in either era, with options (a progress listener receives the task's progress for
     * its lifetime). See {@link McpAsyncClient#callToolAsTask(String, JsonNode, TaskMetadata, CallOptions)}.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return the created task
     * @throws TaskNotCreatedException in 2026-07-28 when the server answered at once (the result is in it)
     */
    public CreateTaskResult callToolAsTask(String name, JsonNode arguments, TaskMetadata task, CallOptions options) {
        return await(async.callToolAsTask(name, arguments, task, options));
    }

    /**
     * Calls a tool as a task in either era and waits up to {@code timeout} for its result. See
     * {@link McpAsyncClient#callToolAsTaskAndWait(String, JsonNode, TaskMetadata, Duration, CallOptions)}.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @param timeout how long to wait for the task's result
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return the tool's result
     */
    public CallToolResult callToolAsTaskAndWait(
            String name, JsonNode arguments, TaskMetadata task, Duration timeout, CallOptions options) {
        return Await.result(async.callToolAsTaskAndWait(name, arguments, task, timeout, options), timeout.plus(SLACK));
    }

    /** Drops the cached lists not marked {@code cacheScope} public. See {@link McpAsyncClient#forgetPrivateCachedLists}. */
    public void forgetPrivateCachedLists() {
        async.forgetPrivateCachedLists();
    }

    // ---- end of tasks in both eras ----

    /**
     * Subscribes to server notifications (list changes, resource updates), delivered to the builder's listeners:
     * {@code subscriptions/listen} in 2026-07-28 (returns once the server acknowledged it), {@code
     * resources/subscribe} per URI in the handshake era. Close the subscription to end it.
     *
     * @param filter the filter
     * @return the open subscription; close it to end it
     */
    public Subscription subscribe(SubscriptionFilter filter) {
        return await(async.subscribe(filter));
    }

    /**
     * The page of resources at {@code cursor}.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of resources at {@code cursor}
     */
    public ListResourcesResult listResources(String cursor) {
        return await(async.listResources(cursor));
    }

    /**
     * Every resource.
     *
     * @return every resource
     */
    public List<Resource> listAllResources() {
        return await(async.listAllResources());
    }

    /**
     * The page of resource templates at {@code cursor}.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of resource templates at {@code cursor}
     */
    public ListResourceTemplatesResult listResourceTemplates(String cursor) {
        return await(async.listResourceTemplates(cursor));
    }

    /**
     * Every resource template.
     *
     * @return every resource template
     */
    public List<ResourceTemplate> listAllResourceTemplates() {
        return await(async.listAllResourceTemplates());
    }

    /**
     * Reads a resource.
     *
     * @param uri the resource's URI
     * @return the resource's contents
     */
    public ReadResourceResult readResource(String uri) {
        return await(async.readResource(uri));
    }

    /**
     * Reads a resource with options.
     *
     * @param uri the resource's URI
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return the resource's contents
     */
    public ReadResourceResult readResource(String uri, CallOptions options) {
        return await(async.readResource(uri, options), options);
    }

    /**
     * Subscribes to a resource's updates (handshake era).
     *
     * @param uri the resource's URI
     */
    public void subscribeResource(String uri) {
        await(async.subscribeResource(uri));
    }

    /**
     * Ends a resource subscription.
     *
     * @param uri the resource's URI
     */
    public void unsubscribeResource(String uri) {
        await(async.unsubscribeResource(uri));
    }

    /**
     * The page of prompts at {@code cursor}.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of prompts at {@code cursor}
     */
    public ListPromptsResult listPrompts(String cursor) {
        return await(async.listPrompts(cursor));
    }

    /**
     * Every prompt.
     *
     * @return every prompt
     */
    public List<Prompt> listAllPrompts() {
        return await(async.listAllPrompts());
    }

    /**
     * Gets a prompt.
     *
     * @param name the prompt's name
     * @param arguments the prompt's arguments, by name
     * @return a prompt
     */
    public GetPromptResult getPrompt(String name, Map<String, String> arguments) {
        return await(async.getPrompt(name, arguments));
    }

    /**
     * Gets a prompt with options.
     *
     * @param name the prompt's name
     * @param arguments the prompt's arguments, by name
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a prompt with options
     */
    public GetPromptResult getPrompt(String name, Map<String, String> arguments, CallOptions options) {
        return await(async.getPrompt(name, arguments, options), options);
    }

    /**
     * Asks for argument completions.
     *
     * @param request the request
     * @return the completion values
     */
    public CompleteResult complete(CompleteRequest request) {
        return await(async.complete(request));
    }

    /**
     * Sets the server's log level (2026-07-28: the level every later request carries).
     *
     * @param level the server's log level (2026-07-28: the level every later request carries)
     */
    public void setLoggingLevel(LoggingLevel level) {
        await(async.setLoggingLevel(level));
    }

    /** Pings the server (handshake era). */
    public void ping() {
        await(async.ping());
    }

    /**
     * A task's state.
     *
     * @param taskId the task's id
     * @return a task's state
     */
    public GetTaskResult getTask(String taskId) {
        return await(async.getTask(taskId));
    }

    /**
     * A task's result as JSON; waits until the task is terminal.
     *
     * @param taskId the task's id
     * @return a task's result as JSON; waits until the task is terminal
     */
    public JsonNode getTaskResult(String taskId) {
        return await(async.getTaskResult(taskId));
    }

    /**
     * A tool task's result.
     *
     * @param taskId the task's id
     * @return a tool task's result
     */
    public CallToolResult getToolTaskResult(String taskId) {
        return await(async.getToolTaskResult(taskId));
    }

    /**
     * The page of tasks at {@code cursor}.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of tasks at {@code cursor}
     */
    public ListTasksResult listTasks(String cursor) {
        return await(async.listTasks(cursor));
    }

    /**
     * Every task.
     *
     * @return every task
     */
    public List<Task> listAllTasks() {
        return await(async.listAllTasks());
    }

    /**
     * Cancels a task.
     *
     * @param taskId the task's id
     * @return the task's state after the cancellation
     */
    public GetTaskResult cancelTask(String taskId) {
        return await(async.cancelTask(taskId));
    }

    /** Tells the server the roots changed. */
    public void notifyRootsListChanged() {
        await(async.notifyRootsListChanged());
    }

    /**
     * Sends any request and returns the raw result.
     *
     * @param method the JSON-RPC method name
     * @param params the params, or null for none
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return the raw result
     */
    public JsonNode request(String method, JsonNode params, CallOptions options) {
        return await(CallerWaits.run(() -> async.request(method, params, options)), options);
    }

    // ---- extensions (#21) ----

    /**
     * The settings the server declared for extension {@code id}, or empty.
     *
     * @param id the extension's identifier
     * @return the settings the server declared for extension {@code id}, or empty
     */
    public Optional<JsonNode> serverExtension(String id) {
        return async.serverExtension(id);
    }

    /**
     * Sends request {@code method} of extension {@code extensionId} and binds the result to {@code resultType};
     * throws {@link MissingServerCapabilityException} when the server did not declare the extension.
     *
     * @param extensionId the extension's identifier
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @param resultType the class the result is bound to
     * @param <R> the type the result is bound to
     * @return the result, bound to {@code resultType}
     */
    public <R> R extensionRequest(String extensionId, String method, Object params, Class<R> resultType) {
        return await(async.extensionRequest(extensionId, method, params, resultType));
    }

    /**
     * {@link #extensionRequest(String, String, Object, Class)} with call options.
     *
     * @param extensionId the extension's identifier
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @param resultType the class the result is bound to
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @param <R> the type the result is bound to
     * @return {@link #extensionRequest(String, String, Object, Class)} with call options
     */
    public <R> R extensionRequest(
            String extensionId, String method, Object params, Class<R> resultType, CallOptions options) {
        return await(async.extensionRequest(extensionId, method, params, resultType, options), options);
    }

    /**
     * Sends notification {@code method} of extension {@code extensionId}.
     *
     * @param extensionId the extension's identifier
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     */
    public void extensionNotification(String extensionId, String method, Object params) {
        await(async.extensionNotification(extensionId, method, params));
    }

    // ---- end of extensions ----

    /**
     * The cached tool list (needs {@code listCache(true)}).
     *
     * @return the cached tool list (needs {@code listCache(true)})
     */
    public List<Tool> cachedTools() {
        return await(async.cachedTools());
    }

    /**
     * The cached prompt list (needs {@code listCache(true)}).
     *
     * @return the cached prompt list (needs {@code listCache(true)})
     */
    public List<Prompt> cachedPrompts() {
        return await(async.cachedPrompts());
    }

    /**
     * The cached resource list (needs {@code listCache(true)}).
     *
     * @return the cached resource list (needs {@code listCache(true)})
     */
    public List<Resource> cachedResources() {
        return await(async.cachedResources());
    }

    /** Cancels every pending call and closes the connection. Idempotent. */
    @Override
    public void close() {
        async.close();
    }

    private <T> T await(CompletableFuture<T> future) {
        return Await.result(future, callBound);
    }

    private <T> T await(CompletableFuture<T> future, CallOptions options) {
        Duration bound = options != null && options.totalTimeout() != null
                ? options.totalTimeout().plus(SLACK)
                : callBound;
        return Await.result(future, bound);
    }
}
