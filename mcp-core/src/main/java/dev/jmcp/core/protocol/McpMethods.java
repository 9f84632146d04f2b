package dev.jmcp.core.protocol;

/** The method names of every MCP request and notification, of both eras. */
public final class McpMethods {
    private McpMethods() {}

    /** Handshake: the first request of a handshake-era session. */
    public static final String INITIALIZE = "initialize";
    /** Liveness check, either direction (handshake era). */
    public static final String PING = "ping";
    /** Stateless discovery of versions and capabilities (2026-07-28). */
    public static final String SERVER_DISCOVER = "server/discover";
    /** Opens a notification stream (2026-07-28). */
    public static final String SUBSCRIPTIONS_LISTEN = "subscriptions/listen";

    /** Lists tools. */
    public static final String TOOLS_LIST = "tools/list";
    /** Calls a tool. */
    public static final String TOOLS_CALL = "tools/call";
    /** Lists resources. */
    public static final String RESOURCES_LIST = "resources/list";
    /** Lists resource templates. */
    public static final String RESOURCES_TEMPLATES_LIST = "resources/templates/list";
    /** Reads a resource. */
    public static final String RESOURCES_READ = "resources/read";
    /** Subscribes to a resource's updates (handshake era). */
    public static final String RESOURCES_SUBSCRIBE = "resources/subscribe";
    /** Ends a resource subscription (handshake era). */
    public static final String RESOURCES_UNSUBSCRIBE = "resources/unsubscribe";
    /** Lists prompts. */
    public static final String PROMPTS_LIST = "prompts/list";
    /** Gets a prompt. */
    public static final String PROMPTS_GET = "prompts/get";
    /** Argument completion. */
    public static final String COMPLETION_COMPLETE = "completion/complete";
    /** Sets the server's log level (handshake era). */
    public static final String LOGGING_SET_LEVEL = "logging/setLevel";

    /** Server asks the client to sample an LLM. */
    public static final String SAMPLING_CREATE_MESSAGE = "sampling/createMessage";
    /** Server asks the client for user input. */
    public static final String ELICITATION_CREATE = "elicitation/create";
    /** Server asks the client for its roots. */
    public static final String ROOTS_LIST = "roots/list";

    /** Task state (2025-11-25). */
    public static final String TASKS_GET = "tasks/get";
    /** Task payload, blocks until terminal (2025-11-25). */
    public static final String TASKS_RESULT = "tasks/result";
    /** Lists tasks (2025-11-25). */
    public static final String TASKS_LIST = "tasks/list";
    /** Cancels a task (2025-11-25). */
    public static final String TASKS_CANCEL = "tasks/cancel";
    /** Updates a task (tasks extension, 2026-07-28). */
    public static final String TASKS_UPDATE = "tasks/update";

    /** Client finished the handshake. */
    public static final String NOTIFICATION_INITIALIZED = "notifications/initialized";
    /** A request was cancelled. */
    public static final String NOTIFICATION_CANCELLED = "notifications/cancelled";
    /** Progress of a request. */
    public static final String NOTIFICATION_PROGRESS = "notifications/progress";
    /** A log message. */
    public static final String NOTIFICATION_MESSAGE = "notifications/message";
    /** A subscribed resource changed. */
    public static final String NOTIFICATION_RESOURCES_UPDATED = "notifications/resources/updated";
    /** The resource list changed. */
    public static final String NOTIFICATION_RESOURCES_LIST_CHANGED = "notifications/resources/list_changed";
    /** The tool list changed. */
    public static final String NOTIFICATION_TOOLS_LIST_CHANGED = "notifications/tools/list_changed";
    /** The prompt list changed. */
    public static final String NOTIFICATION_PROMPTS_LIST_CHANGED = "notifications/prompts/list_changed";
    /** The client's roots changed (handshake era). */
    public static final String NOTIFICATION_ROOTS_LIST_CHANGED = "notifications/roots/list_changed";
    /** A URL-mode elicitation completed (2025-11-25). */
    public static final String NOTIFICATION_ELICITATION_COMPLETE = "notifications/elicitation/complete";
    /** A task's status changed (2025-11-25). */
    public static final String NOTIFICATION_TASKS_STATUS = "notifications/tasks/status";
    /** A {@code subscriptions/listen} stream is open (2026-07-28). */
    public static final String NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED = "notifications/subscriptions/acknowledged";
}
