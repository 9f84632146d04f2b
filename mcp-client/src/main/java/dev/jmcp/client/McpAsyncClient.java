package dev.jmcp.client;

import dev.jmcp.client.internal.CallFuture;
import dev.jmcp.client.internal.ClientRuntime;
import dev.jmcp.client.internal.ExtensionTasks;
import dev.jmcp.client.internal.ListCache;
import dev.jmcp.client.internal.Paginator;
import dev.jmcp.client.internal.ServerState;
import dev.jmcp.client.internal.TaskProgress;
import dev.jmcp.client.internal.TaskWaiter;
import dev.jmcp.client.internal.ValidTools;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.MetaKeys;
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
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.protocol.tools.CallToolRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    private final TaskProgress taskProgress = new TaskProgress();
    private final AtomicBoolean progressRouted = new AtomicBoolean();
    private final Duration taskResultWait;
    private final boolean declaresTaskExtension;
    /** Whether 2026-07-28 tasks this client creates are subscribed to, for the application's task listeners. */
    private final boolean watchTasks;

    McpAsyncClient(ClientRuntime runtime, McpClientBuilder b) {
        this.runtime = runtime;
        this.validateToolOutput = b.validateToolOutput;
        this.taskResultWait = b.maxRequestTimeout;
        this.declaresTaskExtension = b.extensions.containsKey(ExtensionTasks.ID);
        this.watchTasks = !b.taskListeners.isEmpty();
        this.toolCache = b.listCache ? new ListCache<>(this::loadTools) : null;
        this.promptCache = b.listCache ? new ListCache<>(this::loadPrompts) : null;
        this.resourceCache = b.listCache ? new ListCache<>(this::loadResources) : null;
        Listeners.register(runtime, b, this);
        ClientExtensions.register(runtime, b.clientExtensions);
    }

    // ---- connection ----

    /**
     * Connects: discovers the era (or uses the pinned one) and completes with what the server told.
     *
     * @return a future that completes with what the server told
     */
    public CompletableFuture<ServerDescription> connect() {
        return runtime.connect().thenApply(McpAsyncClient::describe);
    }

    /**
     * What the server told at connect, or null before.
     *
     * @return what the server told at connect, or null before
     */
    public ServerDescription server() {
        ServerState s = runtime.state();
        return s == null ? null : describe(s);
    }

    /**
     * Whether the client is connected and not closed.
     *
     * @return whether the client is connected and not closed
     */
    public boolean isConnected() {
        return runtime.isConnected();
    }

    // ---- tools ----

    /**
     * The first page of tools.
     *
     * @return the first page of tools
     */
    public CompletableFuture<ListToolsResult> listTools() {
        return listTools(null);
    }

    /**
     * The page of tools at {@code cursor} (null for the first). Remembers each tool's output schema. Tools whose
     * SEP-2243 {@code x-mcp-header} annotations are invalid are left out (with a warning in the log).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of tools at {@code cursor} (null for the first)
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

    /**
     * Every tool, following cursors.
     *
     * @return every tool, following cursors
     */
    public CompletableFuture<List<Tool>> listAllTools() {
        return Paginator.all(this::listToolsPage, ListToolsResult::tools, ListToolsResult::nextCursor);
    }

    /**
     * Calls a tool with the given arguments (a JSON object, or null for none).
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @return a future that completes with the tool's result
     */
    public CompletableFuture<CallToolResult> callTool(String name, JsonNode arguments) {
        return callTool(name, arguments, CallOptions.defaults());
    }

    /**
     * Calls a tool with arguments given as a map (or any value that serializes to a JSON object).
     *
     * @param name the tool's name
     * @param arguments the tool's arguments, written as a JSON object
     * @return a future that completes with the tool's result
     */
    public CompletableFuture<CallToolResult> callTool(String name, Map<String, ?> arguments) {
        return callTool(name, arguments == null ? null : McpJson.toTree(arguments), CallOptions.defaults());
    }

    /**
     * Calls a tool. When the tool was listed with an {@code outputSchema}, a successful result's
     * {@code structuredContent} must match it, else the future fails with {@link InvalidToolOutputException}. In
     * 2026-07-28, {@code input_required} answers are served by the registered handlers and retried; when the client
     * declared the {@code io.modelcontextprotocol/tasks} extension on its builder and the server answers with a
     * task, the task is waited for (see {@link #callToolAsTaskAndWait}) up to the options' total timeout, else the
     * client's maximum request timeout.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a future that completes with the tool's result
     */
    public CompletableFuture<CallToolResult> callTool(String name, JsonNode arguments, CallOptions options) {
        Objects.requireNonNull(name, "name");
        JsonNode params = McpJson.toTree(CallToolRequest.of(name, arguments == null ? McpJson.object() : arguments));
        if (declaresTaskExtension && isStateless()) {
            return callMayAnswerWithTask(name, params, options);
        }
        return call(McpMethods.TOOLS_CALL, params, options, json -> toolResult(name, json));
    }

    private CallToolResult toolResult(String name, JsonNode json) {
        if (validateToolOutput) {
            String problem = runtime.outputSchemas().check(name, json);
            if (problem != null) {
                throw new InvalidToolOutputException(problem);
            }
        }
        return McpJson.fromTree(json, CallToolResult.class);
    }

    /**
     * Calls a tool as a task; the server answers with the task at once; poll {@link #getTask}, then fetch
     * {@link #getToolTaskResult}. See {@link #callToolAsTask(String, JsonNode, TaskMetadata, CallOptions)}.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @return a future that completes with the created task
     */
    public CompletableFuture<CreateTaskResult> callToolAsTask(String name, JsonNode arguments, TaskMetadata task) {
        return callToolAsTask(name, arguments, task, CallOptions.defaults());
    }

    /**
     * Calls a tool as a task and waits up to {@code timeout} for its result. See
     * {@link #callToolAsTaskAndWait(String, JsonNode, TaskMetadata, Duration, CallOptions)}.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @param timeout how long to wait for the task's result
     * @return a future that completes with the tool's result
     */
    public CompletableFuture<CallToolResult> callToolAsTaskAndWait(
            String name, JsonNode arguments, TaskMetadata task, Duration timeout) {
        return callToolAsTaskAndWait(name, arguments, task, timeout, CallOptions.defaults());
    }

    // ---- tasks in both eras: 2025-11-25 core tasks, the 2026-07-28 tasks extension ----

    /**
     * Calls a tool as a task. 2025-11-25: sends {@code task} (needs the server's {@code tasks.requests.tools.call}).
     * 2026-07-28: declares the {@code io.modelcontextprotocol/tasks} extension on this call (needs the server's
     * {@code extensions["io.modelcontextprotocol/tasks"]}) and the server decides: when it answers at once, the
     * future fails with {@link TaskNotCreatedException} carrying the tool's result.
     *
     * <p>A progress listener in {@code options} receives the task's {@code notifications/progress} for the task's
     * lifetime (the request carries its own progress token), until the client sees the task terminal, the task's
     * TTL ends (at most one hour), or the client closes. 2026-07-28 servers send no progress for tasks.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a future that completes with the created task
     */
    public CompletableFuture<CreateTaskResult> callToolAsTask(
            String name, JsonNode arguments, TaskMetadata task, CallOptions options) {
        CallOptions o = options == null ? CallOptions.defaults() : options;
        ObjectNode params = (ObjectNode) McpJson.toTree(CallToolRequest.builder(Objects.requireNonNull(name, "name"))
                .arguments(arguments == null ? McpJson.object() : arguments)
                .task(task == null ? TaskMetadata.defaults() : task)
                .build());
        String token = null;
        if (o.progress() != null) {
            routeTaskProgress();
            token = taskProgress.register(o.progress());
        }
        if (token != null) {
            params.withObject(MetaKeys.META).put(MetaKeys.PROGRESS_TOKEN, token);
        }
        boolean extension = isStateless();
        CallFuture<CreateTaskResult> created = call(McpMethods.TOOLS_CALL, params, o.withoutProgress(), json -> {
            if (!extension) {
                return McpJson.fromTree(json, CreateTaskResult.class);
            }
            if (ExtensionTasks.isTask(json)) {
                return ExtensionTasks.created(json);
            }
            throw new TaskNotCreatedException(name, toolResult(name, json));
        });
        if (extension) {
            watch(created);
        }
        if (token != null) {
            String t = token;
            created.whenComplete((c, err) -> {
                if (c == null || c.task().status().isTerminal()) {
                    taskProgress.forget(t);
                } else {
                    taskProgress.bind(t, c.task().taskId(), c.task().ttl());
                }
            });
        }
        return created;
    }

    /**
     * Calls a tool as a task and waits for its result: polls {@code tasks/get} at the server's poll interval until
     * the task is terminal (or needs input), then takes the result: {@code tasks/result} in 2025-11-25, the result
     * the 2026-07-28 task inlines. Fails with {@link dev.jmcp.core.McpTimeoutException} when the task is not done
     * within {@code timeout}, and with {@link dev.jmcp.core.McpCancelledException} when the server reports it
     * cancelled. On timeout, or when the returned future is cancelled, the task is cancelled with
     * {@code tasks/cancel} if the server offers it. In 2026-07-28 a result the server answered at once (no task) is
     * returned as it is. {@code options} as in {@link #callToolAsTask(String, JsonNode, TaskMetadata, CallOptions)}.
     *
     * @param name the tool's name
     * @param arguments the tool's arguments: a JSON object, or null for none
     * @param task the task to create: its requested TTL
     * @param timeout how long to wait for the task's result
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a future that completes with the tool's result
     */
    public CompletableFuture<CallToolResult> callToolAsTaskAndWait(
            String name, JsonNode arguments, TaskMetadata task, Duration timeout, CallOptions options) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        ServerState s = runtime.state();
        CompletableFuture<CreateTaskResult> created = callToolAsTask(name, arguments, task, options);
        CompletableFuture<CallToolResult> out;
        if (isStateless()) {
            out = awaitExtensionTask(
                    created,
                    timeout,
                    json -> McpJson.fromTree(json, CallToolResult.class),
                    id -> sendCancel(id).exceptionally(e -> null),
                    e -> e instanceof TaskNotCreatedException t ? t.result() : null);
        } else {
            boolean canCancel = s != null && s.capabilities().path("tasks").has("cancel");
            out = TaskWaiter.await(
                    created,
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
        created.thenAccept(
                c -> out.whenComplete((r, e) -> taskProgress.taskEnded(c.task().taskId())));
        return out;
    }

    /**
     * Drops the cached lists the server did not mark {@code cacheScope} {@code public}: call it when the
     * authorization context changes (another user, another token), as a {@code private} list may be reused only
     * within the same one. The next read loads them again.
     */
    public void forgetPrivateCachedLists() {
        for (ListCache<?> c : new ListCache<?>[] {toolCache, promptCache, resourceCache}) {
            if (c != null) {
                c.forgetPrivate();
            }
        }
    }

    /**
     * A 2026-07-28 {@code tools/call} of a client that declared the tasks extension: the server may answer with a
     * task (it decides), which is then polled to its result.
     */
    private CompletableFuture<CallToolResult> callMayAnswerWithTask(String name, JsonNode params, CallOptions options) {
        CallFuture<JsonNode> raw = call(McpMethods.TOOLS_CALL, params, options, Function.identity());
        CompletableFuture<CreateTaskResult> created = raw.thenApply(json -> {
            if (ExtensionTasks.isTask(json)) {
                return ExtensionTasks.created(json);
            }
            throw new TaskNotCreatedException(name, toolResult(name, json));
        });
        watch(created);
        created.whenComplete((c, e) -> {
            if (created.isCancelled()) {
                raw.cancel(true); // the caller gave up before the answer: cancel the request
            }
        });
        Duration wait = options != null && options.totalTimeout() != null ? options.totalTimeout() : taskResultWait;
        return awaitExtensionTask(
                created,
                wait,
                json -> toolResult(name, json),
                id -> sendCancel(id).exceptionally(e -> null),
                e -> e instanceof TaskNotCreatedException t ? t.result() : null);
    }

    /**
     * 2026-07-28: when the application listens for task status, subscribes to the created task's
     * {@code notifications/tasks} ({@code subscriptions/listen} with {@code taskIds}) until the task ends.
     */
    private void watch(CompletableFuture<CreateTaskResult> created) {
        if (watchTasks) {
            created.thenAccept(c -> {
                if (!c.task().status().isTerminal()) {
                    runtime.watchTask(c.task().taskId(), c.task().ttl());
                }
            });
        }
    }

    private boolean isStateless() {
        ServerState s = runtime.state();
        return s != null && s.version().isStateless();
    }

    /**
     * Waits for a 2026-07-28 task: polls {@code tasks/get} and maps the outcome the terminal DetailedTask inlines
     * (taken from the last poll when it was terminal, else from one more {@code tasks/get}).
     */
    private <R> CompletableFuture<R> awaitExtensionTask(
            CompletableFuture<CreateTaskResult> created,
            Duration timeout,
            Function<JsonNode, R> map,
            TaskWaiter.Canceller canceller,
            Function<Throwable, R> inline) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        TaskWaiter.StateReader reader =
                id -> call(McpMethods.TASKS_GET, taskParams(id), CallOptions.defaults(), json -> {
                    last.set(json);
                    return ExtensionTasks.state(json);
                });
        TaskWaiter.ResultFetcher<R> fetcher = (id, within) -> {
            JsonNode seen = last.get();
            if (seen != null && ExtensionTasks.task(seen).status().isTerminal()) {
                try {
                    return CompletableFuture.completedFuture(map.apply(ExtensionTasks.outcome(seen)));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return call(
                    McpMethods.TASKS_GET,
                    taskParams(id),
                    CallOptions.builder().timeout(within).build(),
                    json -> map.apply(ExtensionTasks.outcome(json)));
        };
        return TaskWaiter.await(created, reader, fetcher, canceller, timeout, inline);
    }

    /** Sends {@code tasks/cancel}; completes with the (empty, 2026-07-28) acknowledgement. */
    private CompletableFuture<JsonNode> sendCancel(String taskId) {
        taskProgress.taskEnded(taskId);
        return call(McpMethods.TASKS_CANCEL, taskParams(taskId), CallOptions.defaults(), Function.identity());
    }

    /**
     * Starts routing task progress (on the first task call with a progress listener, so clients that never make
     * one handle no extra notification work): progress by token, and task status notifications that end a task.
     */
    private void routeTaskProgress() {
        if (progressRouted.compareAndSet(false, true)) {
            runtime.addListener(McpMethods.NOTIFICATION_PROGRESS, taskProgress::onProgress);
            runtime.addListener(McpMethods.NOTIFICATION_TASKS_STATUS, n -> forgetEndedTask(n.params(), false));
            runtime.addListener(ExtensionTasks.NOTIFICATION, n -> forgetEndedTask(n.params(), true));
        }
    }

    /** A task status notification (either era): a terminal task's progress token is no longer routed. */
    private void forgetEndedTask(JsonNode params, boolean extension) {
        if (params == null || !params.path("taskId").isString()) {
            return;
        }
        try {
            TaskStatus status = extension
                    ? ExtensionTasks.task(params).status()
                    : McpJson.fromTree(params, TaskStatusNotification.class).status();
            if (status.isTerminal()) {
                taskProgress.taskEnded(params.get("taskId").asString());
            }
        } catch (RuntimeException e) {
            // a malformed notification: nothing to forget
        }
    }

    private CompletableFuture<ListCache.Listing<Tool>> loadTools() {
        return Paginator.listing(
                this::listToolsPage,
                ListToolsResult::tools,
                ListToolsResult::nextCursor,
                ListToolsResult::ttlMs,
                ListToolsResult::cacheScope);
    }

    private CompletableFuture<ListCache.Listing<Prompt>> loadPrompts() {
        return Paginator.listing(
                c -> page(McpMethods.PROMPTS_LIST, c, ListPromptsResult.class),
                ListPromptsResult::prompts,
                ListPromptsResult::nextCursor,
                ListPromptsResult::ttlMs,
                ListPromptsResult::cacheScope);
    }

    private CompletableFuture<ListCache.Listing<Resource>> loadResources() {
        return Paginator.listing(
                c -> page(McpMethods.RESOURCES_LIST, c, ListResourcesResult.class),
                ListResourcesResult::resources,
                ListResourcesResult::nextCursor,
                ListResourcesResult::ttlMs,
                ListResourcesResult::cacheScope);
    }

    // ---- end of tasks in both eras ----

    // ---- subscriptions ----

    /**
     * Subscribes to server notifications; they go to the listeners registered on the builder and refresh the list
     * cache. 2026-07-28: opens a {@code subscriptions/listen} request and completes when the server acknowledged
     * it. Handshake era: {@code resources/subscribe} for each URI (list changes arrive without asking). A
     * subscription outlives a new session (the client subscribes again) and a lost connection (the next
     * {@code connect()} re-establishes it); it ends when closed, when the client closes, or when the server ends it.
     *
     * @param filter the filter
     * @return a future that completes with the open subscription
     */
    public CompletableFuture<Subscription> subscribe(SubscriptionFilter filter) {
        return runtime.subscribe(Objects.requireNonNull(filter, "filter"));
    }

    // ---- resources ----

    /**
     * The page of resources at {@code cursor} (null for the first).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of resources at {@code cursor} (null for the first)
     */
    public CompletableFuture<ListResourcesResult> listResources(String cursor) {
        return page(McpMethods.RESOURCES_LIST, cursor, ListResourcesResult.class);
    }

    /**
     * Every resource, following cursors.
     *
     * @return every resource, following cursors
     */
    public CompletableFuture<List<Resource>> listAllResources() {
        return Paginator.all(
                c -> page(McpMethods.RESOURCES_LIST, c, ListResourcesResult.class),
                ListResourcesResult::resources,
                ListResourcesResult::nextCursor);
    }

    /**
     * The page of resource templates at {@code cursor} (null for the first).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of resource templates at {@code cursor} (null for the first)
     */
    public CompletableFuture<ListResourceTemplatesResult> listResourceTemplates(String cursor) {
        return page(McpMethods.RESOURCES_TEMPLATES_LIST, cursor, ListResourceTemplatesResult.class);
    }

    /**
     * Every resource template, following cursors.
     *
     * @return every resource template, following cursors
     */
    public CompletableFuture<List<ResourceTemplate>> listAllResourceTemplates() {
        return Paginator.all(
                c -> page(McpMethods.RESOURCES_TEMPLATES_LIST, c, ListResourceTemplatesResult.class),
                ListResourceTemplatesResult::resourceTemplates,
                ListResourceTemplatesResult::nextCursor);
    }

    /**
     * Reads a resource.
     *
     * @param uri the resource's URI
     * @return a future that completes with the resource's contents
     */
    public CompletableFuture<ReadResourceResult> readResource(String uri) {
        return readResource(uri, CallOptions.defaults());
    }

    /**
     * Reads a resource with options.
     *
     * @param uri the resource's URI
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a future that completes with the resource's contents
     */
    public CompletableFuture<ReadResourceResult> readResource(String uri, CallOptions options) {
        JsonNode params = McpJson.toTree(ReadResourceRequest.of(Objects.requireNonNull(uri, "uri")));
        return call(
                McpMethods.RESOURCES_READ, params, options, json -> McpJson.fromTree(json, ReadResourceResult.class));
    }

    /**
     * Subscribes to a resource's updates (handshake era; needs {@code resources.subscribe}).
     *
     * @param uri the resource's URI
     * @return a future that completes when the server has accepted the subscription
     */
    public CompletableFuture<Void> subscribeResource(String uri) {
        return uriCall(McpMethods.RESOURCES_SUBSCRIBE, uri);
    }

    /**
     * Ends a resource subscription.
     *
     * @param uri the resource's URI
     * @return a future that completes when the server has ended the subscription
     */
    public CompletableFuture<Void> unsubscribeResource(String uri) {
        return uriCall(McpMethods.RESOURCES_UNSUBSCRIBE, uri);
    }

    // ---- prompts ----

    /**
     * The page of prompts at {@code cursor} (null for the first).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of prompts at {@code cursor} (null for the first)
     */
    public CompletableFuture<ListPromptsResult> listPrompts(String cursor) {
        return page(McpMethods.PROMPTS_LIST, cursor, ListPromptsResult.class);
    }

    /**
     * Every prompt, following cursors.
     *
     * @return every prompt, following cursors
     */
    public CompletableFuture<List<Prompt>> listAllPrompts() {
        return Paginator.all(
                c -> page(McpMethods.PROMPTS_LIST, c, ListPromptsResult.class),
                ListPromptsResult::prompts,
                ListPromptsResult::nextCursor);
    }

    /**
     * Gets a prompt with its arguments (null for none).
     *
     * @param name the prompt's name
     * @param arguments the prompt's arguments, by name
     * @return a prompt with its arguments (null for none)
     */
    public CompletableFuture<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
        return getPrompt(name, arguments, CallOptions.defaults());
    }

    /**
     * Gets a prompt with options.
     *
     * @param name the prompt's name
     * @param arguments the prompt's arguments, by name
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a prompt with options
     */
    public CompletableFuture<GetPromptResult> getPrompt(
            String name, Map<String, String> arguments, CallOptions options) {
        JsonNode params = McpJson.toTree(GetPromptRequest.of(
                Objects.requireNonNull(name, "name"), arguments == null || arguments.isEmpty() ? null : arguments));
        return call(McpMethods.PROMPTS_GET, params, options, json -> McpJson.fromTree(json, GetPromptResult.class));
    }

    // ---- completion, logging, ping ----

    /**
     * Asks for argument completions (needs {@code completions}).
     *
     * @param request the request
     * @return a future that completes with the completion values
     */
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
     *
     * @param level the level of log messages the server sends
     * @return a future that completes when the server has accepted the level
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

    /**
     * Pings the server (handshake era; 2026-07-28 has no ping).
     *
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> ping() {
        return call(McpMethods.PING, null, CallOptions.defaults(), json -> null);
    }

    // ---- tasks: 2025-11-25 core tasks; get, result and cancel also 2026-07-28 (tasks extension) ----

    /**
     * A task's state ({@code tasks/get}; 2026-07-28: the extension's DetailedTask without its outcome).
     *
     * @param taskId the task's id
     * @return a task's state ({@code tasks/get}; 2026-07-28: the extension's DetailedTask without its outcome)
     */
    public CompletableFuture<GetTaskResult> getTask(String taskId) {
        boolean extension = isStateless();
        return call(McpMethods.TASKS_GET, taskParams(taskId), CallOptions.defaults(), json -> {
            GetTaskResult g = extension ? ExtensionTasks.state(json) : McpJson.fromTree(json, GetTaskResult.class);
            if (g.status().isTerminal()) {
                taskProgress.taskEnded(taskId);
            }
            return g;
        });
    }

    /**
     * A task's result as JSON, once the task is terminal: {@code tasks/result} in 2025-11-25 (the server holds the
     * request); in 2026-07-28 {@code tasks/get} is polled until the task is terminal (at most the client's
     * maximum request timeout) and the inlined result is returned (an inlined error fails the future).
     *
     * @param taskId the task's id
     * @return a task's result as JSON, once the task is terminal: {@code tasks/result} in 2025-11-25 (the server holds
     *     the request); in 2026-07-28 {@code tasks/get} is polled until the task is terminal (at most the client's
     *     maximum request timeout) and the inlined result is returned (an inlined error fails the future)
     */
    public CompletableFuture<JsonNode> getTaskResult(String taskId) {
        return taskResult(taskId, Function.identity());
    }

    /**
     * A tool task's result, typed (see {@link #getTaskResult}).
     *
     * @param taskId the task's id
     * @return a tool task's result, typed (see {@link #getTaskResult})
     */
    public CompletableFuture<CallToolResult> getToolTaskResult(String taskId) {
        return taskResult(taskId, json -> McpJson.fromTree(json, CallToolResult.class));
    }

    private <R> CompletableFuture<R> taskResult(String taskId, Function<JsonNode, R> map) {
        if (!isStateless()) {
            return call(McpMethods.TASKS_RESULT, taskParams(taskId), CallOptions.defaults(), map);
        }
        CompletableFuture<CreateTaskResult> known = getTask(taskId).thenApply(g -> CreateTaskResult.of(g.task()));
        return awaitExtensionTask(known, taskResultWait, map, null, null);
    }

    /**
     * The page of tasks at {@code cursor} (needs {@code tasks.list}).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @return the page of tasks at {@code cursor} (needs {@code tasks.list})
     */
    public CompletableFuture<ListTasksResult> listTasks(String cursor) {
        return page(McpMethods.TASKS_LIST, cursor, ListTasksResult.class);
    }

    /**
     * Every task, following cursors.
     *
     * @return every task, following cursors
     */
    public CompletableFuture<List<Task>> listAllTasks() {
        return Paginator.all(
                c -> page(McpMethods.TASKS_LIST, c, ListTasksResult.class),
                ListTasksResult::tasks,
                ListTasksResult::nextCursor);
    }

    /**
     * Cancels a task (2025-11-25: needs {@code tasks.cancel}); completes with its state, now cancelled. 2026-07-28:
     * the server only acknowledges ({@code tasks/cancel} is cooperative and eventually consistent), so this
     * completes with the state a following {@code tasks/get} reports, which may still be {@code working}.
     *
     * @param taskId the task's id
     * @return a future that completes with the task's state after the cancellation
     */
    public CompletableFuture<GetTaskResult> cancelTask(String taskId) {
        if (isStateless()) {
            return sendCancel(taskId).thenCompose(ack -> getTask(taskId));
        }
        taskProgress.taskEnded(taskId);
        return call(
                McpMethods.TASKS_CANCEL,
                taskParams(taskId),
                CallOptions.defaults(),
                json -> McpJson.fromTree(json, GetTaskResult.class));
    }

    // ---- roots, raw requests, caches ----

    /**
     * Tells the server the roots changed (handshake era; the client declared {@code roots.listChanged}).
     *
     * @return a future that completes when the notification has been sent
     */
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
     *
     * @param method the method
     * @param params the params
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @return a future that completes with the raw result
     */
    public CompletableFuture<JsonNode> request(String method, JsonNode params, CallOptions options) {
        return call(method, params, options, Function.identity());
    }

    // ---- extensions (#21) ----

    /**
     * The settings the server declared for extension {@code id} under {@code capabilities.extensions}, or empty
     * when it did not (or before {@code connect()}).
     *
     * @param id the extension's identifier
     * @return the settings the server declared for extension {@code id} under {@code capabilities.extensions}, or empty
     *     when it did not (or before {@code connect()})
     */
    public Optional<JsonNode> serverExtension(String id) {
        ServerState s = runtime.state();
        JsonNode settings =
                s == null ? null : s.capabilities().path("extensions").get(id);
        return settings != null && settings.isObject() ? Optional.of(settings.deepCopy()) : Optional.empty();
    }

    /**
     * Sends request {@code method} of extension {@code extensionId} with {@code params} (any object Jackson writes
     * as a JSON object, or null) and binds the result to {@code resultType} ({@code JsonNode.class} for the raw
     * result). Fails with {@link MissingServerCapabilityException} before sending when the server did not declare
     * the extension.
     *
     * @param extensionId the extension's identifier
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @param resultType the class the result is bound to
     * @param <R> the type the result is bound to
     * @return a future that completes with the result, bound to {@code resultType}
     */
    public <R> CompletableFuture<R> extensionRequest(
            String extensionId, String method, Object params, Class<R> resultType) {
        return extensionRequest(extensionId, method, params, resultType, CallOptions.defaults());
    }

    /**
     * {@link #extensionRequest(String, String, Object, Class)} with call options (timeouts, {@code _meta}...).
     *
     * @param extensionId the extension's identifier
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @param resultType the class the result is bound to
     * @param options per-call options: timeout, progress listener, {@code _meta}
     * @param <R> the type the result is bound to
     * @return {@link #extensionRequest(String, String, Object, Class)} with call options (timeouts, {@code _meta}...)
     */
    public <R> CompletableFuture<R> extensionRequest(
            String extensionId, String method, Object params, Class<R> resultType, CallOptions options) {
        java.util.Objects.requireNonNull(method, "method");
        java.util.Objects.requireNonNull(resultType, "resultType");
        if (serverExtension(extensionId).isEmpty()) {
            return CompletableFuture.failedFuture(new MissingServerCapabilityException(
                    method, "the server did not declare the extension extensions[\"" + extensionId + "\"]"));
        }
        JsonNode p = params == null ? McpJson.object() : McpJson.toTree(params);
        return call(method, p, options, json -> ClientExtensions.bind(json, resultType));
    }

    /**
     * Sends notification {@code method} of extension {@code extensionId}; fails with {@link
     * MissingServerCapabilityException} when the server did not declare the extension.
     *
     * @param extensionId the extension's identifier
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @return a future that completes when the notification has been sent
     */
    public CompletableFuture<Void> extensionNotification(String extensionId, String method, Object params) {
        if (serverExtension(extensionId).isEmpty()) {
            return CompletableFuture.failedFuture(new MissingServerCapabilityException(
                    method, "the server did not declare the extension extensions[\"" + extensionId + "\"]"));
        }
        return runtime.notify(method, params == null ? null : McpJson.toTree(params));
    }

    // ---- end of extensions ----

    /**
     * The cached tool list (needs {@code listCache(true)}); refreshed when the server says it changed.
     *
     * @return the cached tool list (needs {@code listCache(true)}); refreshed when the server says it changed
     */
    public CompletableFuture<List<Tool>> cachedTools() {
        return cache(toolCache).get();
    }

    /**
     * The cached prompt list (needs {@code listCache(true)}).
     *
     * @return the cached prompt list (needs {@code listCache(true)})
     */
    public CompletableFuture<List<Prompt>> cachedPrompts() {
        return cache(promptCache).get();
    }

    /**
     * The cached resource list (needs {@code listCache(true)}).
     *
     * @return the cached resource list (needs {@code listCache(true)})
     */
    public CompletableFuture<List<Resource>> cachedResources() {
        return cache(resourceCache).get();
    }

    /** Cancels every pending call and closes the connection. */
    public void close() {
        runtime.close();
        taskProgress.clear();
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
