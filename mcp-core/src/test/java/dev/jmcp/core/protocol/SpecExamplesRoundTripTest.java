package dev.jmcp.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.CompleteResult;
import dev.jmcp.core.protocol.elicitation.ElicitRequest;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.ElicitationCompleteNotification;
import dev.jmcp.core.protocol.lifecycle.DiscoverRequest;
import dev.jmcp.core.protocol.lifecycle.DiscoverResult;
import dev.jmcp.core.protocol.lifecycle.InitializeRequest;
import dev.jmcp.core.protocol.lifecycle.InitializeResult;
import dev.jmcp.core.protocol.logging.LoggingMessageNotification;
import dev.jmcp.core.protocol.logging.SetLevelRequest;
import dev.jmcp.core.protocol.mrtr.InputRequiredResult;
import dev.jmcp.core.protocol.notifications.CancelledNotification;
import dev.jmcp.core.protocol.notifications.NotificationParams;
import dev.jmcp.core.protocol.notifications.ProgressNotification;
import dev.jmcp.core.protocol.prompts.GetPromptRequest;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.ListPromptsResult;
import dev.jmcp.core.protocol.resources.ListResourceTemplatesResult;
import dev.jmcp.core.protocol.resources.ListResourcesResult;
import dev.jmcp.core.protocol.resources.ReadResourceRequest;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceUpdatedNotification;
import dev.jmcp.core.protocol.resources.SubscribeRequest;
import dev.jmcp.core.protocol.roots.ListRootsResult;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.subscriptions.SubscriptionsAcknowledgedNotification;
import dev.jmcp.core.protocol.subscriptions.SubscriptionsListenRequest;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.ExtensionTask;
import dev.jmcp.core.protocol.tasks.GetTaskResult;
import dev.jmcp.core.protocol.tasks.ListTasksResult;
import dev.jmcp.core.protocol.tasks.TaskRequest;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.protocol.tools.CallToolRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON example under {@code src/test/resources/protocol/<revision>/<Type>/} decodes as {@code Type} and
 * encodes back to the same JSON tree. The examples follow the specification's schema examples and prose
 * examples for each revision.
 */
class SpecExamplesRoundTripTest {
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("InitializeRequest", InitializeRequest.class),
            Map.entry("InitializeResult", InitializeResult.class),
            Map.entry("DiscoverResult", DiscoverResult.class),
            Map.entry("DiscoverRequest", DiscoverRequest.class),
            Map.entry("ExtensionTask", ExtensionTask.class),
            Map.entry("ClientCapabilities", ClientCapabilities.class),
            Map.entry("ServerCapabilities", ServerCapabilities.class),
            Map.entry("Tool", Tool.class),
            Map.entry("ListToolsResult", ListToolsResult.class),
            Map.entry("CallToolRequest", CallToolRequest.class),
            Map.entry("CallToolResult", CallToolResult.class),
            Map.entry("ListResourcesResult", ListResourcesResult.class),
            Map.entry("ListResourceTemplatesResult", ListResourceTemplatesResult.class),
            Map.entry("ReadResourceRequest", ReadResourceRequest.class),
            Map.entry("ReadResourceResult", ReadResourceResult.class),
            Map.entry("SubscribeRequest", SubscribeRequest.class),
            Map.entry("ResourceUpdatedNotification", ResourceUpdatedNotification.class),
            Map.entry("ListPromptsResult", ListPromptsResult.class),
            Map.entry("GetPromptRequest", GetPromptRequest.class),
            Map.entry("GetPromptResult", GetPromptResult.class),
            Map.entry("CompleteRequest", CompleteRequest.class),
            Map.entry("CompleteResult", CompleteResult.class),
            Map.entry("SetLevelRequest", SetLevelRequest.class),
            Map.entry("LoggingMessageNotification", LoggingMessageNotification.class),
            Map.entry("CreateMessageRequest", CreateMessageRequest.class),
            Map.entry("SamplingMessage", SamplingMessage.class),
            Map.entry("CreateMessageResult", CreateMessageResult.class),
            Map.entry("ElicitRequest", ElicitRequest.class),
            Map.entry("ElicitResult", ElicitResult.class),
            Map.entry("ElicitationCompleteNotification", ElicitationCompleteNotification.class),
            Map.entry("ListRootsResult", ListRootsResult.class),
            Map.entry("CreateTaskResult", CreateTaskResult.class),
            Map.entry("GetTaskResult", GetTaskResult.class),
            Map.entry("ListTasksResult", ListTasksResult.class),
            Map.entry("TaskStatusNotification", TaskStatusNotification.class),
            Map.entry("TaskRequest", TaskRequest.class),
            Map.entry("ProgressNotification", ProgressNotification.class),
            Map.entry("CancelledNotification", CancelledNotification.class),
            Map.entry("NotificationParams", NotificationParams.class),
            Map.entry("PaginatedRequest", PaginatedRequest.class),
            Map.entry("EmptyResult", EmptyResult.class),
            Map.entry("InputRequiredResult", InputRequiredResult.class),
            Map.entry("SubscriptionsListenRequest", SubscriptionsListenRequest.class),
            Map.entry("SubscriptionsAcknowledgedNotification", SubscriptionsAcknowledgedNotification.class));

    static Stream<Path> examples() throws IOException, URISyntaxException {
        Path root =
                Path.of(SpecExamplesRoundTripTest.class.getResource("/protocol").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json"))
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleRoundTripsUnchanged(Path example) throws Exception {
        String typeName = example.getParent().getFileName().toString();
        Class<?> type = TYPES.get(typeName);
        assertThat(type).as("no type registered for directory %s", typeName).isNotNull();
        String json = Files.readString(
                Path.of(getClass().getResource("/protocol").toURI()).resolve(example));
        Object value = JsonAssertions.roundTrip(json, type);
        assertThat(value).isInstanceOf(type);
        // A second pass through the typed value is stable too.
        JsonNode again = McpJson.toTree(McpJson.fromTree(McpJson.toTree(value), type));
        JsonAssertions.assertSameJson(again, McpJson.parse(json));
    }

    @Test
    void everyEraHasExamples() throws Exception {
        List<String> eras =
                examples().map(p -> p.getName(0).toString()).distinct().toList();
        assertThat(eras).contains("2024-11-05", "2025-06-18", "2025-11-25", "2026-07-28");
    }
}
