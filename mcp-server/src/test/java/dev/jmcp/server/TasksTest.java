package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TasksTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    final CountDownLatch release = new CountDownLatch(1);

    final McpServer server = McpServer.builder()
            .tool(
                    Tool.builder("job", EMPTY)
                            .description("a task")
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                            .build(),
                    (req, ctx) -> {
                        if (req.arguments().path("wait").asBoolean(false)) {
                            while (!ctx.isCancelled() && release.getCount() > 0) {
                                release.await(10, TimeUnit.MILLISECONDS);
                            }
                        }
                        return CallToolResult.text("done");
                    })
            .tool(Tool.builder("plain", EMPTY).description("no tasks").build(), (req, ctx) -> CallToolResult.text("p"))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void taskAugmentedCallCreatesATaskWhoseResultIsRetained() throws Exception {
        try (RawClient c = RawClient.connect(server).initialize()) {
            JsonNode created = c.call("tools/call", "{\"name\":\"job\",\"arguments\":{},\"task\":{\"ttl\":60000}}");
            JsonNode task = created.get("task");
            assertThat(task.get("status").asString()).isEqualTo("working");
            assertThat(task.get("ttl").asLong()).isEqualTo(60000);
            String id = task.get("taskId").asString();
            JsonNode result = c.call("tasks/result", "{\"taskId\":\"" + id + "\"}");
            assertThat(result.get("content").get(0).get("text").asString()).isEqualTo("done");
            assertThat(result.get("_meta")
                            .get("io.modelcontextprotocol/related-task")
                            .get("taskId")
                            .asString())
                    .isEqualTo(id);
            assertThat(c.call("tasks/get", "{\"taskId\":\"" + id + "\"}")
                            .get("status")
                            .asString())
                    .isEqualTo("completed");
            assertThat(c.call("tasks/list", "{}").get("tasks")).hasSize(1);
            assertThat(c.awaitNotifications("notifications/tasks/status", 1)).isNotEmpty();
        }
    }

    @Test
    void cancelMovesATaskToCancelledAndItStaysThere() {
        try (RawClient c = RawClient.connect(server).initialize()) {
            String id = c.call("tools/call", "{\"name\":\"job\",\"arguments\":{\"wait\":true},\"task\":{}}")
                    .get("task")
                    .get("taskId")
                    .asString();
            JsonNode cancelled = c.call("tasks/cancel", "{\"taskId\":\"" + id + "\"}");
            assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
            release.countDown();
            assertThat(c.call("tasks/get", "{\"taskId\":\"" + id + "\"}")
                            .get("status")
                            .asString())
                    .isEqualTo("cancelled");
            assertThat(c.error("tasks/cancel", "{\"taskId\":\"" + id + "\"}").code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void tasksAreBoundToTheirRequester() {
        try (RawClient a = RawClient.connect(server).initialize();
                RawClient b = RawClient.connect(server).initialize()) {
            String id = a.call("tools/call", "{\"name\":\"job\",\"task\":{}}")
                    .get("task")
                    .get("taskId")
                    .asString();
            assertThat(b.error("tasks/get", "{\"taskId\":\"" + id + "\"}").code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(b.call("tasks/list", "{}").get("tasks")).isEmpty();
            assertThat(a.error("tasks/get", "{\"taskId\":\"nope\"}").code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void toolsWithoutTaskSupportRefuseTaskAugmentation() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode init = c.call("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}");
            assertThat(init.get("capabilities")
                            .get("tasks")
                            .get("requests")
                            .get("tools")
                            .has("call"))
                    .isTrue();
            assertThat(c.error("tools/call", "{\"name\":\"plain\",\"task\":{}}").code())
                    .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        }
    }
}
