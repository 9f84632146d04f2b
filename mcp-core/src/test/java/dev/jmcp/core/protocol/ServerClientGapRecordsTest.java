package dev.jmcp.core.protocol;

import static dev.jmcp.core.protocol.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.capabilities.ClientCapabilities;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import dev.jmcp.core.protocol.capabilities.TaskRequests;
import dev.jmcp.core.protocol.capabilities.TasksCapability;
import dev.jmcp.core.protocol.errors.ResourceNotFoundData;
import dev.jmcp.core.protocol.errors.UnsupportedProtocolVersionData;
import dev.jmcp.core.protocol.lifecycle.DiscoverRequest;
import dev.jmcp.core.protocol.lifecycle.DiscoverResult;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.protocol.notifications.NotificationParams;
import dev.jmcp.core.protocol.tasks.ExtensionTask;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The records that replaced the server's and client's hand-built trees: their JSON and round trips. */
class ServerClientGapRecordsTest {

    private static <T> T roundTrip(T value, Class<T> type, String expectedJson) {
        JsonNode tree = McpJson.toTree(value);
        assertSameJson(tree, McpJson.parse(expectedJson));
        T back = McpJson.fromTree(tree, type);
        assertThat(back).isEqualTo(value);
        return back;
    }

    @Test
    void discoverResultWritesTheTopLevelServerInfoWhenSet() {
        DiscoverResult result = DiscoverResult.builder(
                        List.of("2026-07-28"), ServerCapabilities.builder().build())
                .serverInfo(Implementation.of("srv", "1.0"))
                .ttlMs(1000L)
                .build();
        roundTrip(
                result,
                DiscoverResult.class,
                "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{},"
                        + "\"serverInfo\":{\"name\":\"srv\",\"version\":\"1.0\"},\"ttlMs\":1000}");
    }

    @Test
    void discoverResultLeavesServerInfoOutWhenUnset() {
        DiscoverResult result = DiscoverResult.builder(
                        List.of("2026-07-28"), ServerCapabilities.builder().build())
                .build();
        assertThat(result.serverInfo()).isNull();
        roundTrip(result, DiscoverResult.class, "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{}}");
    }

    @Test
    void discoverRequestCarriesOnlyTheRequestMeta() {
        DiscoverRequest request = DiscoverRequest.of(
                RequestMeta.of("2026-07-28", ClientCapabilities.builder().build(), Implementation.of("cli", "2")));
        roundTrip(
                request,
                DiscoverRequest.class,
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"cli\",\"version\":\"2\"}}}");
    }

    @Test
    void unsupportedVersionDataEchoesANumberAsSent() {
        UnsupportedProtocolVersionData data =
                UnsupportedProtocolVersionData.echoing(List.of("2026-07-28"), McpJson.parse("20260728"));
        roundTrip(
                data, UnsupportedProtocolVersionData.class, "{\"supported\":[\"2026-07-28\"],\"requested\":20260728}");
    }

    @Test
    void unsupportedVersionDataEchoesAJsonNullAsNull() {
        UnsupportedProtocolVersionData data =
                UnsupportedProtocolVersionData.echoing(List.of("2026-07-28"), McpJson.parse("null"));
        assertSameJson(McpJson.toTree(data), McpJson.parse("{\"supported\":[\"2026-07-28\"],\"requested\":null}"));
    }

    @Test
    void unsupportedVersionDataFromAStringOrNothing() {
        roundTrip(
                UnsupportedProtocolVersionData.of(List.of("2026-07-28"), "1999-01-01"),
                UnsupportedProtocolVersionData.class,
                "{\"supported\":[\"2026-07-28\"],\"requested\":\"1999-01-01\"}");
        roundTrip(
                UnsupportedProtocolVersionData.of(List.of("2026-07-28"), null),
                UnsupportedProtocolVersionData.class,
                "{\"supported\":[\"2026-07-28\"]}");
    }

    @Test
    void resourceNotFoundDataNamesTheUri() {
        roundTrip(
                ResourceNotFoundData.of("file:///missing"),
                ResourceNotFoundData.class,
                "{\"uri\":\"file:///missing\"}");
        assertThatThrownBy(() -> ResourceNotFoundData.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void resultTypeTaskIsTheSharedConstant() {
        assertThat(ResultType.of("task")).isSameAs(ResultType.TASK);
        assertThat(McpJson.write(ResultType.TASK)).isEqualTo("\"task\"");
        assertThat(ResultType.isComplete(ResultType.TASK)).isFalse();
    }

    @Test
    void tasksCapabilityBuilderWritesTheServerShape() {
        TasksCapability caps = TasksCapability.builder()
                .list()
                .cancel()
                .requests(TaskRequests.builder().toolsCall().build())
                .build();
        roundTrip(caps, TasksCapability.class, "{\"list\":{},\"cancel\":{},\"requests\":{\"tools\":{\"call\":{}}}}");
        assertThat(caps.supportsRequest("tools", "call")).isTrue();
        assertThat(caps.supportsRequest("sampling", "createMessage")).isFalse();
    }

    @Test
    void tasksCapabilityBuilderWritesTheClientShape() {
        TasksCapability caps = TasksCapability.builder()
                .requests(TaskRequests.builder()
                        .samplingCreateMessage()
                        .elicitationCreate()
                        .build())
                .build();
        roundTrip(
                caps,
                TasksCapability.class,
                "{\"requests\":{\"sampling\":{\"createMessage\":{}},\"elicitation\":{\"create\":{}}}}");
        assertThat(caps.supportsRequest("sampling", "createMessage")).isTrue();
        assertThat(caps.supportsRequest("elicitation", "create")).isTrue();
        assertThat(caps.supportsRequest("tools", "call")).isFalse();
    }

    @Test
    void tasksCapabilityFromJsonRequestsEqualsTheTypedOne() {
        TasksCapability fromJson =
                new TasksCapability(McpJson.object(), null, McpJson.parse("{\"tools\":{\"call\":{}}}"));
        TasksCapability typed = TasksCapability.builder()
                .list()
                .requests(TaskRequests.builder().toolsCall().build())
                .build();
        assertThat(fromJson).isEqualTo(typed);
        assertThat(new TasksCapability(null, null, (JsonNode) null).requests()).isNull();
    }

    @Test
    void notificationParamsBuilderSetsTheMeta() {
        roundTrip(
                NotificationParams.builder()
                        .meta(McpJson.parse("{\"io.modelcontextprotocol/subscriptionId\":\"l-1\"}"))
                        .build(),
                NotificationParams.class,
                "{\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":\"l-1\"}}");
        roundTrip(NotificationParams.builder().build(), NotificationParams.class, "{}");
    }

    @Test
    void extensionTaskWritesMillisecondDurationsAndAlwaysTheTtl() {
        ExtensionTask created = ExtensionTask.builder(
                        "t1", TaskStatus.WORKING, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z")
                .pollIntervalMs(500L)
                .resultType(ResultType.TASK)
                .build();
        roundTrip(
                created,
                ExtensionTask.class,
                "{\"taskId\":\"t1\",\"status\":\"working\",\"createdAt\":\"2026-01-01T00:00:00Z\","
                        + "\"lastUpdatedAt\":\"2026-01-01T00:00:01Z\",\"ttlMs\":null,\"pollIntervalMs\":500,"
                        + "\"resultType\":\"task\"}");
    }

    @Test
    void extensionTaskInlinesTheOutcome() {
        ExtensionTask base = ExtensionTask.builder("t1", TaskStatus.FAILED, "a", "b")
                .statusMessage("no")
                .ttlMs(60000L)
                .build();
        ExtensionTask failed =
                base.toBuilder().error(JsonRpcError.of(-32603, "boom")).build();
        roundTrip(
                failed,
                ExtensionTask.class,
                "{\"taskId\":\"t1\",\"status\":\"failed\",\"statusMessage\":\"no\",\"createdAt\":\"a\","
                        + "\"lastUpdatedAt\":\"b\",\"ttlMs\":60000,\"error\":{\"code\":-32603,\"message\":\"boom\"}}");
        ExtensionTask completed =
                base.toBuilder().result(McpJson.parse("{\"content\":[]}")).build();
        assertThat(McpJson.toTree(completed).get("result")).isEqualTo(McpJson.parse("{\"content\":[]}"));
        assertThatThrownBy(() -> ExtensionTask.builder(null, TaskStatus.WORKING, "a", "b")
                        .build())
                .isInstanceOf(NullPointerException.class);
    }
}
