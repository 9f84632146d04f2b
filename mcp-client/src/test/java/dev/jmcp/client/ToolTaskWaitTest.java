package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** {@code callToolAsTaskAndWait}: the client as task requestor, polling a fake server's task. */
class ToolTaskWaitTest {
    private static final String CAPS =
            "{\"tools\":{},\"tasks\":{\"cancel\":{},\"requests\":{\"tools\":{\"call\":{}}}}}";

    private static ObjectNode task(String status, long pollMs) {
        ObjectNode t = McpJson.object();
        t.put("taskId", "t-1");
        t.put("status", status);
        t.put("createdAt", "2026-01-01T00:00:00Z");
        t.put("lastUpdatedAt", "2026-01-01T00:00:01Z");
        t.put("ttl", 60000);
        t.put("pollInterval", pollMs);
        return t;
    }

    private static FakeServer server(String capabilities, String... statuses) {
        AtomicInteger polls = new AtomicInteger();
        return FakeServer.handshake("2025-11-25", capabilities)
                .on("tools/call", r -> {
                    ObjectNode result = McpJson.object();
                    result.set("task", task("working", 20));
                    return result;
                })
                .on("tasks/get", r -> task(statuses[Math.min(polls.getAndIncrement(), statuses.length - 1)], 20))
                .on("tasks/result", r -> McpJson.toTree(CallToolResult.of(java.util.List.of(TextContent.of("42")))))
                .onJson("tasks/cancel", task("cancelled", 20).toString());
    }

    @Test
    void pollsAtThePollIntervalUntilCompletedThenFetchesTheResult() {
        try (FakeServer server = server(CAPS, "working", "working", "completed");
                McpClient client = server.client().build()) {
            client.connect();
            CallToolResult result = client.callToolAsTaskAndWait(
                    "slow", McpJson.object(), TaskMetadata.ttl(60000), Duration.ofSeconds(5));
            assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("42");
            assertThat(server.last("tools/call").params().get("task").get("ttl").asLong())
                    .isEqualTo(60000);
            assertThat(server.all("tasks/get")).hasSize(3);
            assertThat(server.methods()).endsWith("tasks/get", "tasks/result");
            assertThat(server.last("tasks/result").params().get("taskId").asString())
                    .isEqualTo("t-1");
        }
    }

    @Test
    void inputRequiredFetchesTheResultAtOnce() {
        try (FakeServer server = server(CAPS, "input_required");
                McpClient client = server.client().build()) {
            client.connect();
            client.callToolAsTaskAndWait("slow", null, TaskMetadata.defaults(), Duration.ofSeconds(5));
            assertThat(server.all("tasks/get")).hasSize(1);
            assertThat(server.methods()).endsWith("tasks/result");
        }
    }

    @Test
    void timeoutCancelsTheTaskAtTheServer() {
        try (FakeServer server = server(CAPS, "working");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() ->
                            client.callToolAsTaskAndWait("slow", null, TaskMetadata.defaults(), Duration.ofMillis(200)))
                    .isInstanceOf(McpTimeoutException.class)
                    .hasMessageContaining("t-1");
            Poll.until("!server.all('tasks/cancel').isEmpty()", () -> !server.all("tasks/cancel")
                    .isEmpty());
            assertThat(server.methods()).doesNotContain("tasks/result");
        }
    }

    @Test
    void aCancelledTaskFailsWithCancelledAndNeedsNoResult() {
        try (FakeServer server = server(CAPS, "cancelled");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() ->
                            client.callToolAsTaskAndWait("slow", null, TaskMetadata.defaults(), Duration.ofSeconds(5)))
                    .isInstanceOf(McpCancelledException.class);
            assertThat(server.methods()).doesNotContain("tasks/result", "tasks/cancel");
        }
    }

    @Test
    void aServerWithoutTaskSupportForToolsIsRefusedBeforeSending() {
        try (FakeServer server = server("{\"tools\":{}}", "completed");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() ->
                            client.callToolAsTaskAndWait("slow", null, TaskMetadata.defaults(), Duration.ofSeconds(5)))
                    .isInstanceOf(MissingServerCapabilityException.class);
            assertThat(server.methods()).doesNotContain("tools/call", "tasks/get");
        }
    }
}
