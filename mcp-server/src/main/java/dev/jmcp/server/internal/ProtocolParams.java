package dev.jmcp.server.internal;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.PaginatedRequest;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.lifecycle.InitializeRequest;
import dev.jmcp.core.protocol.logging.SetLevelRequest;
import dev.jmcp.core.protocol.prompts.GetPromptRequest;
import dev.jmcp.core.protocol.resources.ReadResourceRequest;
import dev.jmcp.core.protocol.resources.SubscribeRequest;
import dev.jmcp.core.protocol.subscriptions.SubscriptionsListenRequest;
import dev.jmcp.core.protocol.tools.CallToolRequest;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Which core protocol record holds the params of each server method, and decoding params into it. */
final class ProtocolParams {
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(McpMethods.INITIALIZE, InitializeRequest.class),
            Map.entry(McpMethods.TOOLS_LIST, PaginatedRequest.class),
            Map.entry(McpMethods.TOOLS_CALL, CallToolRequest.class),
            Map.entry(McpMethods.RESOURCES_LIST, PaginatedRequest.class),
            Map.entry(McpMethods.RESOURCES_TEMPLATES_LIST, PaginatedRequest.class),
            Map.entry(McpMethods.RESOURCES_READ, ReadResourceRequest.class),
            Map.entry(McpMethods.RESOURCES_SUBSCRIBE, SubscribeRequest.class),
            Map.entry(McpMethods.RESOURCES_UNSUBSCRIBE, SubscribeRequest.class),
            Map.entry(McpMethods.PROMPTS_LIST, PaginatedRequest.class),
            Map.entry(McpMethods.PROMPTS_GET, GetPromptRequest.class),
            Map.entry(McpMethods.COMPLETION_COMPLETE, CompleteRequest.class),
            Map.entry(McpMethods.LOGGING_SET_LEVEL, SetLevelRequest.class),
            Map.entry(McpMethods.SUBSCRIPTIONS_LISTEN, SubscriptionsListenRequest.class),
            Map.entry(McpMethods.TASKS_LIST, PaginatedRequest.class));

    private ProtocolParams() {}

    /** The params record of {@code method}, if it has one. */
    static Optional<Class<?>> typeOf(String method) {
        return Optional.ofNullable(TYPES.get(method));
    }

    /** {@code params} decoded as {@code type}; empty when they do not decode. */
    static <T> Optional<T> decode(JsonNode params, Class<T> type) {
        try {
            return Optional.ofNullable(McpJson.fromTree(params, type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
