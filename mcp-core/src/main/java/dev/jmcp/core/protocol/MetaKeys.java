package dev.jmcp.core.protocol;

/** The reserved {@code _meta} keys the specification defines. */
public final class MetaKeys {
    private MetaKeys() {}

    /** The name of the {@code _meta} field itself, in params and results. */
    public static final String META = "_meta";
    /** Request {@code _meta}: the token for progress notifications. */
    public static final String PROGRESS_TOKEN = "progressToken";
    /** Associates a message with a task: {@code {taskId}} (2025-11-25). */
    public static final String RELATED_TASK = "io.modelcontextprotocol/related-task";
    /** On a {@code CreateTaskResult}: a string the host may show the model at once (2025-11-25). */
    public static final String MODEL_IMMEDIATE_RESPONSE = "io.modelcontextprotocol/model-immediate-response";
    /** Request {@code _meta}: the protocol version of a stateless request (2026-07-28, required). */
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    /** Request {@code _meta}: the client capabilities of a stateless request (2026-07-28, required). */
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    /** Request {@code _meta}: the client implementation (2026-07-28, SHOULD). */
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    /** Request {@code _meta}: the log level the client opts in to (2026-07-28). */
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    /** Result {@code _meta}: the server implementation (2026-07-28, SHOULD). */
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    /** Notification and listen-result {@code _meta}: the id of the {@code subscriptions/listen} request. */
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
}
