package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.server.ServerCall;
import dev.jmcp.server.ServerInterceptor;
import dev.jmcp.server.ServerOutcome;
import dev.jmcp.server.ServerSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Records the server metrics of the OpenTelemetry MCP semantic conventions as Micrometer timers: {@value
 * #OPERATION_DURATION} for every request, tagged {@code mcp.method.name}, {@code gen_ai.tool.name}, {@code
 * error.type}, {@code mcp.protocol.version} and {@code network.transport}, and {@value #SESSION_DURATION} for every
 * handshake-era session, tagged {@code mcp.protocol.version} and {@code network.transport}. Both publish the
 * conventions' histogram buckets (10 ms to 300 s).
 *
 * <p>Cardinality is bounded: every timer has the same tag keys (an absent value is {@code none}); {@code error.type}
 * is a JSON-RPC error code, {@code tool_error} (a tool result with {@code isError}), {@code cancelled} or {@code
 * none}; a tool name becomes a tag value only once a call to it was answered with a result (so names of unknown
 * tools never do), at most {@link #MAX_TOOL_NAMES} of them, others {@code _OTHER}; an unknown method is {@code
 * _OTHER}.
 */
public final class McpServerMetrics implements ServerInterceptor {
    /** The name of the request timer. */
    public static final String OPERATION_DURATION = "mcp.server.operation.duration";
    /** The name of the session timer. */
    public static final String SESSION_DURATION = "mcp.server.session.duration";
    /** The most distinct tool names used as tag values (default and limit). */
    public static final int MAX_TOOL_NAMES = 1000;

    static final String NONE = "none";
    static final String OTHER = "_OTHER";
    static final Duration[] BUCKETS =
            buckets(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);
    private static final Set<String> METHODS = Set.of(
            "initialize",
            "ping",
            "server/discover",
            "tools/list",
            "tools/call",
            "resources/list",
            "resources/templates/list",
            "resources/read",
            "resources/subscribe",
            "resources/unsubscribe",
            "prompts/list",
            "prompts/get",
            "completion/complete",
            "logging/setLevel",
            "subscriptions/listen",
            "tasks/get",
            "tasks/result",
            "tasks/list",
            "tasks/cancel");

    private final MeterRegistry registry;
    private final Set<String> toolNames = ConcurrentHashMap.newKeySet();

    /**
     * Metrics recorded in {@code registry}.
     *
     * @param registry the Micrometer registry the meters are registered in
     */
    public McpServerMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public ServerOutcome intercept(ServerCall call, Chain chain) {
        long start = System.nanoTime();
        ServerOutcome outcome = chain.proceed();
        long elapsed = System.nanoTime() - start;
        String method = METHODS.contains(call.method()) ? call.method() : OTHER;
        String version = call.protocolVersion().map(v -> v.id()).orElseGet(() -> initializedVersion(method, outcome));
        String transport = networkTransport(call.transport().transport());
        String tool = NONE;
        if (method.equals("tools/call")) {
            tool = toolTag(call.params(), outcome.kind() == ServerOutcome.Kind.RESULT);
        }
        Timer.builder(OPERATION_DURATION)
                .description("The duration of MCP requests as seen by the server")
                .serviceLevelObjectives(BUCKETS)
                .tags(Tags.of(
                        "mcp.method.name", method,
                        "gen_ai.tool.name", tool,
                        "error.type", errorType(method, outcome),
                        "mcp.protocol.version", version,
                        "network.transport", transport))
                .register(registry)
                .record(elapsed, TimeUnit.NANOSECONDS);
        Optional<ServerSession> session = call.session();
        if (method.equals("initialize") && outcome.kind() == ServerOutcome.Kind.RESULT && session.isPresent()) {
            timeSession(session.get(), version, transport);
        }
        return outcome;
    }

    private void timeSession(ServerSession session, String version, String transport) {
        long opened = System.nanoTime();
        Timer timer = Timer.builder(SESSION_DURATION)
                .description("The duration of MCP sessions as seen by the server")
                .serviceLevelObjectives(BUCKETS)
                .tags(Tags.of("mcp.protocol.version", version, "network.transport", transport))
                .register(registry);
        session.closeFuture()
                .whenComplete((ignored, failure) -> timer.record(System.nanoTime() - opened, TimeUnit.NANOSECONDS));
    }

    private String toolTag(JsonNode params, boolean answered) {
        JsonNode name = params == null ? null : params.get("name");
        if (name == null || !name.isString()) {
            return OTHER;
        }
        String tool = name.asString();
        if (toolNames.contains(tool)) {
            return tool;
        }
        if (answered && toolNames.size() < MAX_TOOL_NAMES) {
            toolNames.add(tool);
            return tool;
        }
        return OTHER;
    }

    private static String errorType(String method, ServerOutcome outcome) {
        return switch (outcome.kind()) {
            case ERROR ->
                outcome.error().map(JsonRpcError::code).map(String::valueOf).orElse(OTHER);
            case CANCELLED -> "cancelled";
            case RESULT -> {
                if (method.equals("tools/call")) {
                    JsonNode isError =
                            outcome.result().map(r -> r.get("isError")).orElse(null);
                    if (isError != null && isError.asBoolean(false)) {
                        yield "tool_error";
                    }
                }
                yield NONE;
            }
        };
    }

    private static String initializedVersion(String method, ServerOutcome outcome) {
        if (method.equals("initialize")) {
            return outcome.result()
                    .map(r -> r.get("protocolVersion"))
                    .filter(JsonNode::isString)
                    .map(JsonNode::asString)
                    .orElse(NONE);
        }
        return NONE;
    }

    private static String networkTransport(String transportName) {
        if (transportName == null) {
            return NONE;
        }
        return switch (transportName) {
            case "stdio" -> "pipe";
            case "http" -> "tcp";
            default -> NONE;
        };
    }

    private static Duration[] buckets(double... seconds) {
        Duration[] durations = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            durations[i] = Duration.ofNanos((long) (seconds[i] * 1_000_000_000L));
        }
        return durations;
    }
}
