package dev.jmcp.spring.boot.autoconfigure;

import dev.jmcp.client.CallOutcome;
import dev.jmcp.client.ClientCall;
import dev.jmcp.client.ClientInterceptor;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpRpcException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Records {@value #OPERATION_DURATION} of the OpenTelemetry MCP semantic conventions as a Micrometer timer for every
 * request an {@code McpClient} sends, tagged {@code mcp.method.name}, {@code gen_ai.tool.name}, {@code error.type}
 * (a JSON-RPC error code, {@code tool_error}, the exception's class name, or {@code none}) and {@code
 * mcp.protocol.version}, with the conventions' histogram buckets. At most {@link McpServerMetrics#MAX_TOOL_NAMES}
 * tool names become tag values, others {@code _OTHER}.
 */
public final class McpClientMetrics implements ClientInterceptor {
    /** The name of the request timer. */
    public static final String OPERATION_DURATION = "mcp.client.operation.duration";

    private final MeterRegistry registry;
    private final Set<String> toolNames = ConcurrentHashMap.newKeySet();

    /**
     * Metrics recorded in {@code registry}.
     *
     * @param registry the Micrometer registry the meters are registered in
     */
    public McpClientMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public CompletionStage<CallOutcome> intercept(Chain chain) {
        ClientCall call = chain.call();
        return chain.proceed(call).thenApply(outcome -> {
            record(call, outcome);
            return outcome;
        });
    }

    private void record(ClientCall call, CallOutcome outcome) {
        String method = call.method();
        String tool = McpServerMetrics.NONE;
        if (method.equals("tools/call")) {
            JsonNode name = call.params().get("name");
            tool = name != null && name.isString() ? bounded(name.asString()) : McpServerMetrics.OTHER;
        }
        Timer.builder(OPERATION_DURATION)
                .description("The duration of MCP requests as seen by the client")
                .serviceLevelObjectives(McpServerMetrics.BUCKETS)
                .tags(Tags.of(
                        "mcp.method.name",
                        method,
                        "gen_ai.tool.name",
                        tool,
                        "error.type",
                        errorType(method, outcome),
                        "mcp.protocol.version",
                        call.protocolVersion() == null
                                ? McpServerMetrics.NONE
                                : call.protocolVersion().id()))
                .register(registry)
                .record(outcome.duration() == null ? Duration.ZERO : outcome.duration());
    }

    private String bounded(String tool) {
        if (toolNames.contains(tool)) {
            return tool;
        }
        if (toolNames.size() < McpServerMetrics.MAX_TOOL_NAMES) {
            toolNames.add(tool);
            return tool;
        }
        return McpServerMetrics.OTHER;
    }

    private static String errorType(String method, CallOutcome outcome) {
        if (!outcome.succeeded()) {
            McpException error = outcome.error();
            return error instanceof McpRpcException rpc
                    ? String.valueOf(rpc.code())
                    : error == null ? McpServerMetrics.OTHER : error.getClass().getName();
        }
        JsonNode result = outcome.result();
        if (method.equals("tools/call") && result != null) {
            JsonNode isError = result.get("isError");
            if (isError != null && isError.asBoolean(false)) {
                return "tool_error";
            }
        }
        return McpServerMetrics.NONE;
    }
}
