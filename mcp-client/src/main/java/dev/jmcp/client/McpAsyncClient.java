package dev.jmcp.client;

import dev.jmcp.client.internal.CallFuture;
import dev.jmcp.client.internal.ClientRuntime;
import dev.jmcp.client.internal.ListCache;
import dev.jmcp.client.internal.Paginator;
import dev.jmcp.client.internal.ServerState;
import dev.jmcp.client.internal.TaskWaiter;
import dev.jmcp.client.internal.ValidTools;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.PaginatedRequest;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.CompleteResult;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.logging.SetLevelRequest;
import dev.jmcp.core.protocol.prompts.GetPromptRequest;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.ListPromptsResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.ListResourceTemplatesResult;
import dev.jmcp.core.protocol.resources.ListResourcesResult;
import dev.jmcp.core.protocol.resources.ReadResourceRequest;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.SubscribeRequest;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.ListTasksResult;
import dev.jmcp.core.protocol.tasks.Task;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskRequest;
import dev.jmcp.core.protocol.tools.CallToolRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code CompletableFuture} view of an {@link McpClient}: the same client, the same connection. Every method
 * returns at once. Cancelling a returned future cancels the request at the server
 * ({@code notifications/cancelled}). Futures complete on the session's delivery thread: chain heavy work with an
 * {@code ...Async} method.
 *
 * <p>Failures: {@link dev.jmcp.core.McpRpcException} (the server answered an error),
 * {@link MissingServerCapabilityException} (refused before sending), {@link InvalidToolOutputException},
 * {@link dev.jmcp.core.McpTimeoutException}, {@link dev.jmcp.core.McpTransportException}.
 */
public final class McpAsyncClient {
    private final ClientRuntime runtime;
    private final boolean validateToolOutput;
    private final ListCache<Tool> toolCache;
    private final ListCache<Prompt> promptCache;
    private final ListCache<Resource> resourceCache;

    McpAsyncClient(ClientRuntime runtime, McpClientBuilder b) {
        this.runtime = runtime;
        this.validateToolOutput = b.validateToolOutput;
        this.toolCache = b.listCache ? new ListCache<>(this::listAllTools) : null;
        this.promptCache = b.listCache ? new ListCache<>(this::listAllPrompts) : null;
        this.resourceCache = b.listCache ? new ListCache<>(this::listAllResources) : null;
        Listeners.register(runtime, b, this);
    }

    // ---- connection ----

    /** Connects: discovers the era (or uses the pinned one) and completes with what the server told. */
    public CompletableFuture<ServerDescription> connect() {
        return runtime.connect().thenApply(McpAsyncClient::describe);
    }

    /** What the server told at connect, or null before. */
    public ServerDescription server() {
        ServerState s = runtime.state();
        return s == null ? null : describe(s);
    }

    /** Whether the client is connected and not closed. */
    public boolean isConnected() {
        return runtime.isConnected();
    }

    // ---- tools ----

    /** The first page of tools. */
    public CompletableFuture<ListToolsResult> listTools() {
        return listTools(null);
    }

    /**
     * The page of tools at {@code cursor} (null for the first). Remembers each tool's output schema. Tools whose
     * SEP-2243 {@code x-mcp-header} annotations are invalid are left out (with a warning in the log).
     */
    public CompletableFuture<ListToolsResult> listTools(String cursor) {
        return listToolsPage(cursor);
    }

    private CallFuture<ListToolsResult> listToolsPage(String cursor) {
        return runtime.call(
                McpMethods.TOOLS_LIST,
                cursorParams(cursor),
                CallOptions.defaults().toRequestOptions(),
                json -> {
                    ListToolsResult r = ValidTools.only(McpJson.fromTree(json, ListToolsResult.class));
                    for (Tool t : r.tools()) {
                        runtime.outputSchemas().remember(t.name(), t.outputSchema());
                    }
                    return r;
                });
    }

    /** Every tool, following cursors. */
    public CompletableFuture<List<Tool>> listAllTools() {
        return Paginator.all(this::listToolsPage, ListToolsResult::tools, ListToolsResult::nextCursor);
    }

    /** Calls a tool with the given arguments (a JSON object, or null for none). */
    public CompletableFuture<CallToolResult> callTool(String name, JsonNode arguments) {
        return callTool(name, arguments, CallOptions.defaults());
    }

    /** Calls a tool with arguments given as a map (or any value that serializes to a JSON object). */
    public CompletableFuture<CallToolResult> callTool(String name, Map<String, ?> arguments) {
        return callTool(name, arguments == null ? null : McpJson.toTree(arguments), CallOptions.defaults());
    }

    /**
     * Calls a tool. When the tool was listed with an {@code outputSchema}, a successful result's
     * {@code structuredContent} must match it, else the future fails with {@link InvalidToolOutputException}. In
     * 2026-07-28, {@code input_required} answers are served by the registered handlers and retried.
     */
    public CompletableFuture<CallToolResult> callTool(String name, JsonNode arguments, CallOptions options) {
        Objects.requireNonNull(name, "name");
        JsonNode params = McpJson.toTree(CallToolRequest.of(name, arguments == null ? McpJson.object() : arguments));
        return call(McpMethods.TOOLS_CALL, params, options, json -> {
            if (validateToolOutput) {
                String problem = runtime.outputSchemas().check(name, json);
                if (problem != null) {
                    throw new InvalidToolOutputException(problem);
                }
            }
            return McpJson.fromTree(json, CallToolResult.class);
        });
    }

    /**
     * Calls a tool as a task (2025-11-25; needs the server's {@code tasks.requests.tools.call}): the server
     * answers with the task at once; poll {@link #getTask}, then fetch {@link #getTaskResult}.
     */
    public CompletableFuture<CreateTaskResult> callToolAsTask(String name, JsonNode arguments, TaskMetadata task) {
        CallToolRequest request = CallToolRequest.builder(Objects.requireNonNull(name, "name"))
                .arguments(arguments == null ? McpJson.object() : arguments)
                .task(task == null ? TaskMetadata.defaults() : task)
                .build();
        return call(
                McpMethods.TOOLS_CALL,
                McpJson.toTree(request),
                CallOptions.defaults(),
                json -> McpJson.fromTree(json, CreateTaskResult.class));
    }

    /**
     * Calls a tool as a task (2025-11-25) and waits for its result: polls {@code tasks/get} at the server's
     * {@code pollInterval} until the task is terminal (or needs input), then fetches {@code tasks/result}. Fails
     * with {@link dev.jmcp.core.McpTimeoutException} when the task is not done within {@code timeout}, and with
     * {@link dev.jmcp.core.McpCancelledException} when the server reports it cancelled. On timeout, or when the
     * returned future is cancelled, the task is cancelled with {@code tasks/cancel} if the server offers it.
     */
    public CompletableFuture<CallToolResult> callToolAsTaskAndWait(
            String name, JsonNode arguments, TaskMetadata task, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        ServerState s = runtime.state();
        boolean canCancel = s != null && s.capabilities().path("tasks").has("cancel");
        return TaskWaiter.await(
                callToolAsTask(name, arguments, task),
                this::getTask,
                (id, within) -> call(
                        McpMethods.TASKS_RESULT,
                        taskParams(id),
                        CallOptions.builder()
                                .timeout(within)
                                .totalTimeout(within)
                                .build(),
                        json -> McpJson.fromTree(json, CallToolResult.class)),
                canCancel ? id -> cancelTask(id).exceptionally(e -> null) : null,
                timeout);
    }

    // ---- subscriptions ----

    /**
     * Subscribes to server notifications; they go to the listeners registered on the builder and refresh the list
     * cache. 2026-07-28: opens a {@code subscriptions/listen} request and completes when the server acknowledged
     * it. Handshake era: {@code resources/subscribe} for each URI (list changes arrive without asking). A
     * subscription outlives a new session (the client subscribes again) and a lost connection (the next
     * {@code connect()} re-establishes it); it ends when closed, when the client closes, or when the server ends it.
     */
    public CompletableFuture<Subscription> subscribe(SubscriptionFilter filter) {
        return runtime.subscribe(Objects.requireNonNull(filter, "filter"));
    }

    // ---- resources ----

    /** The page of resources at {@code cursor} (null for the first). */
    public CompletableFuture<ListResourcesResult> listResources(String cursor) {
        return page(McpMethods.RESOURCES_LIST, cursor, ListResourcesResult.class);
    }

    /** Every resource, following cursors. */
    public CompletableFuture<List<Resource>> listAllResources() {
        return Paginator.all(
                c -> page(McpMethods.RESOURCES_LIST, c, ListResourcesResult.class),
                ListResourcesResult::resources,
                ListResourcesResult::nextCursor);
    }

    /** The page of resource templates at {@code cursor} (null for the first). */
    public CompletableFuture<ListResourceTemplatesResult> listResourceTemplates(String cursor) {
        return page(McpMethods.RESOURCES_TEMPLATES_LIST, cursor, ListResourceTemplatesResult.class);
    }

    /** Every resource template, following cursors. */
    public CompletableFuture<List<ResourceTemplate>> listAllResourceTemplates() {
        return Paginator.all(
                c -> page(McpMethods.RESOURCES_TEMPLATES_LIST, c, ListResourceTemplatesResult.class),
                ListResourceTemplatesResult::resourceTemplates,
                ListResourceTemplatesResult::nextCursor);
    }

    /** Reads a resource. */
    public CompletableFuture<ReadResourceResult> readResource(String uri) {
        return readResource(uri, CallOptions.defaults());
    }

    /** Reads a resource with options. */
    public CompletableFuture<ReadResourceResult> readResource(String uri, CallOptions options) {
        JsonNode params = McpJson.toTree(ReadResourceRequest.of(Objects.requireNonNull(uri, "uri")));
        return call(
                McpMethods.RESOURCES_READ, params, options, json -> McpJson.fromTree(json, ReadResourceResult.class));
    }

    /** Subscribes to a resource's updates (handshake era; needs {@code resources.subscribe}). */
    public CompletableFuture<Void> subscribeResource(String uri) {
        return uriCall(McpMethods.RESOURCES_SUBSCRIBE, uri);
    }

    /** Ends a resource subscription. */
    public CompletableFuture<Void> unsubscribeResource(String uri) {
        return uriCall(McpMethods.RESOURCES_UNSUBSCRIBE, uri);
    }

    // ---- prompts ----

    /** The page of prompts at {@code cursor} (null for the first). */
    public CompletableFuture<ListPromptsResult> listPrompts(String cursor) {
        return page(McpMethods.PROMPTS_LIST, cursor, ListPromptsResult.class);
    }

    /** Every prompt, following cursors. */
    public CompletableFuture<List<Prompt>> listAllPrompts() {
        return Paginator.all(
                c -> page(McpMethods.PROMPTS_LIST, c, ListPromptsResult.class),
                ListPromptsResult::prompts,
                ListPromptsResult::nextCursor);
    }

    /** Gets a prompt with its arguments (null for none). */
    public CompletableFuture<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
        return getPrompt(name, arguments, CallOptions.defaults());
    }

    /** Gets a prompt with options. */
    public CompletableFuture<GetPromptResult> getPrompt(
            String name, Map<String, String> arguments, CallOptions options) {
        JsonNode params = McpJson.toTree(GetPromptRequest.of(
                Objects.requireNonNull(name, "name"), arguments == null || arguments.isEmpty() ? null : arguments));
        return call(McpMethods.PROMPTS_GET, params, options, json -> McpJson.fromTree(json, GetPromptResult.class));
    }

    // ---- completion, logging, ping ----

    /** Asks for argument completions (needs {@code completions}). */
    public CompletableFuture<CompleteResult> complete(CompleteRequest request) {
        return call(
                McpMethods.COMPLETION_COMPLETE,
                McpJson.toTree(Objects.requireNonNull(request, "request")),
                CallOptions.defaults(),
                json -> McpJson.fromTree(json, CompleteResult.class));
    }

    /**
     * Sets the level of log messages the server sends. Handshake era: {@code logging/setLevel} (needs
     * {@code logging}). 2026-07-28: every later request carries the level in its {@code _meta}; nothing is sent.
     */
    public CompletableFuture<Void> setLoggingLevel(LoggingLevel level) {
        Objects.requireNonNull(level, "level");
        ServerState s = runtime.state();
        if (s != null && s.version().isStateless()) {
            runtime.setStatelessLogLevel(level);
            return CompletableFuture.completedFuture(null);
        }
        return call(
                McpMethods.LOGGING_SET_LEVEL,
                McpJson.toTree(SetLevelRequest.of(level)),
                CallOptions.defaults(),
                json -> null);
    }

    /** Pings the server (handshake era; 2026-07-28 has no ping). */
    public CompletableFuture<Void> ping() {
        return call(McpMethods.PING, null, CallOptions.defaults(), json -> null);
    }

    // ---- tasks (2025-11-25) ----

    /** A task's state. */
    public CompletableFuture<GetTaskResult> getTask(String taskId) {
        return call(
                McpMethods.TASKS_GET,
                taskParams(taskId),
                CallOptions.defaults(),
                json -> McpJson.fromTree(json, GetTaskResult.class));
    }

    /** A task's result as JSON (the server holds the request until the task is terminal). */
    public CompletableFuture<JsonNode> getTaskResult(String taskId) {
        return call(McpMethods.TASKS_RESULT, taskParams(taskId), CallOptions.defaults(), Function.identity());
    }

    /** A tool task's result, typed. */
    public CompletableFuture<CallToolResult> getToolTaskResult(String taskId) {
        return call(
                McpMethods.TASKS_RESULT,
                taskParams(taskId),
                CallOptions.defaults(),
                json -> McpJson.fromTree(json, CallToolResult.class));
    }

    /** The page of tasks at {@code cursor} (needs {@code tasks.list}). */
    public CompletableFuture<ListTasksResult> listTasks(String cursor) {
        return page(McpMethods.TASKS_LIST, cursor, ListTasksResult.class);
    }

    /** Every task, following cursors. */
    public CompletableFuture<List<Task>> listAllTasks() {
        return Paginator.all(
                c -> page(McpMethods.TASKS_LIST, c, ListTasksResult.class),
                ListTasksResult::tasks,
                ListTasksResult::nextCursor);
    }

    /** Cancels a task (needs {@code tasks.cancel}); completes with its state, now cancelled. */
    public CompletableFuture<GetTaskResult> cancelTask(String taskId) {
        return call(
                McpMethods.TASKS_CANCEL,
                taskParams(taskId),
                CallOptions.defaults(),
                json -> McpJson.fromTree(json, GetTaskResult.class));
    }

    // ---- roots, raw requests, caches ----

    /** Tells the server the roots changed (handshake era; the client declared {@code roots.listChanged}). */
    public CompletableFuture<Void> notifyRootsListChanged() {
        ServerState s = runtime.state();
        if (s == null || !s.version().isHandshakeEra()) {
            return CompletableFuture.completedFuture(null); // 2026-07-28: the server asks for roots per request
        }
        return runtime.notify(McpMethods.NOTIFICATION_ROOTS_LIST_CHANGED, null);
    }

    /**
     * Sends any request (for methods this API does not cover) with the era's framing, gates and the
     * {@code input_required} loop, and returns the raw result.
     */
    public CompletableFuture<JsonNode> request(String method, JsonNode params, CallOptions options) {
        return call(method, params, options, Function.identity());
    }

    /** The cached tool list (needs {@code listCache(true)}); refreshed when the server says it changed. */
    public CompletableFuture<List<Tool>> cachedTools() {
        return cache(toolCache).get();
    }

    /** The cached prompt list (needs {@code listCache(true)}). */
    public CompletableFuture<List<Prompt>> cachedPrompts() {
        return cache(promptCache).get();
    }

    /** The cached resource list (needs {@code listCache(true)}). */
    public CompletableFuture<List<Resource>> cachedResources() {
        return cache(resourceCache).get();
    }

    /** Cancels every pending call and closes the connection. */
    public void close() {
        runtime.close();
    }

    // ---- internals ----

    void refreshCache(ListKind kind) {
        ListCache<?> c = kind == ListKind.TOOLS ? toolCache : kind == ListKind.PROMPTS ? promptCache : resourceCache;
        if (kind == ListKind.TOOLS) {
            runtime.outputSchemas().clear();
        }
        if (c != null) {
            c.refresh();
        }
    }

    private static <T> ListCache<T> cache(ListCache<T> cache) {
        if (cache == null) {
            throw new IllegalStateException("the list cache is off: build the client with listCache(true)");
        }
        return cache;
    }

    private <T> CallFuture<T> call(String method, JsonNode params, CallOptions options, Function<JsonNode, T> mapper) {
        CallOptions o = options == null ? CallOptions.defaults() : options;
        JsonNode sent = params;
        if (o.meta() != null) {
            ObjectNode copy = params != null && params.isObject() ? ((ObjectNode) params).deepCopy() : McpJson.object();
            JsonNode meta = copy.get("_meta");
            ObjectNode merged = meta != null && meta.isObject() ? (ObjectNode) meta : copy.putObject("_meta");
            merged.setAll((ObjectNode) o.meta());
            sent = copy;
        }
        return runtime.call(method, sent, o.toRequestOptions(), mapper);
    }

    private <T> CallFuture<T> page(String method, String cursor, Class<T> type) {
        return call(method, cursorParams(cursor), CallOptions.defaults(), json -> McpJson.fromTree(json, type));
    }

    private CompletableFuture<Void> uriCall(String method, String uri) {
        JsonNode params = McpJson.toTree(SubscribeRequest.of(Objects.requireNonNull(uri, "uri")));
        return call(method, params, CallOptions.defaults(), json -> null);
    }

    private static JsonNode cursorParams(String cursor) {
        return McpJson.toTree(cursor == null ? PaginatedRequest.firstPage() : PaginatedRequest.after(cursor));
    }

    private static JsonNode taskParams(String taskId) {
        return McpJson.toTree(TaskRequest.of(Objects.requireNonNull(taskId, "taskId")));
    }

    static ServerDescription describe(ServerState s) {
        if (s == null) {
            throw new McpTransportException("not connected");
        }
        ServerCapabilities caps = McpJson.fromTree(s.capabilities(), ServerCapabilities.class);
        Implementation info = s.serverInfo() == null ? null : McpJson.fromTree(s.serverInfo(), Implementation.class);
        return new ServerDescription(
                s.version(),
                caps == null ? ServerCapabilities.none() : caps,
                info,
                s.instructions(),
                s.supportedVersions());
    }
}
