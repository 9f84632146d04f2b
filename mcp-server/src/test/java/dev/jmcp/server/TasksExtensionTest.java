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
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class TasksExtensionTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final String WITH_EXT = "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";

    final CountDownLatch release = new CountDownLatch(1);

    final McpServer server = McpServer.builder()
            .tool(Tool.builder("greet", EMPTY).description("sync").build(), (r, c) -> CallToolResult.text("Hello"))
            .tool(
                    Tool.builder("slow", EMPTY)
                            .description("task-supporting")
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                            .build(),
                    (r, c) -> {
                        if (r.arguments().path("wait").asBoolean(false)) {
                            release.await(20, TimeUnit.SECONDS);
                        }
                        return CallToolResult.text("computed");
                    })
            .tool(
                    Tool.builder("failing", EMPTY)
                            .description("tool error")
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.REQUIRED))
                            .build(),
                    (r, c) -> CallToolResult.error("nope"))
            .tool(
                    Tool.builder("crash", EMPTY)
                            .description("protocol error")
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                            .build(),
                    (r, c) -> {
                        throw new dev.jmcp.core.McpRpcException(ErrorCodes.INTERNAL_ERROR, "crashed");
                    })
            .build();

    @AfterEach
    void close() {
        release.countDown();
        server.close();
    }

    private static JsonNode call(RawClient c, String method, String params, String caps) {
        return c.call(method, RawClient.with26Meta(params, caps));
    }

    private static JsonNode awaitTerminal(RawClient c, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode t = call(c, "tasks/get", "{\"taskId\":\"" + id + "\"}", WITH_EXT);
            String s = t.get("status").asString();
            if (!s.equals("working") || System.nanoTime() > deadline) {
                return t;
            }
            Thread.sleep(10);
        }
    }

    @Test
    void discoverAdvertisesTheExtensionNotTheV1Slot() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode caps =
                    c.call("server/discover", RawClient.with26Meta("{}", "{}")).get("capabilities");
            assertThat(caps.has("tasks")).isFalse();
            assertThat(caps.get("extensions").has("io.modelcontextprotocol/tasks"))
                    .isTrue();
        }
    }

    @Test
    void aTaskSupportingToolBecomesAFlatTaskAndTasksGetInlinesItsResult() throws Exception {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode created = call(c, "tools/call", "{\"name\":\"slow\"}", WITH_EXT);
            assertThat(created.get("resultType").asString()).isEqualTo("task");
            assertThat(created.has("task") || created.has("ttl") || created.has("pollInterval"))
                    .isFalse();
            assertThat(created.get("ttlMs").isIntegralNumber()).isTrue();
            assertThat(created.get("pollIntervalMs").isIntegralNumber()).isTrue();
            JsonNode done = awaitTerminal(c, created.get("taskId").asString());
            assertThat(done.get("status").asString()).isEqualTo("completed");
            assertThat(done.get("result").get("content").get(0).get("text").asString())
                    .isEqualTo("computed");
            assertThat(done.get("result").has("_meta")).isFalse();
        }
    }

    @Test
    void withoutTheExtensionCallsAreSynchronousAndTaskMethodsAreGated() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode r = call(c, "tools/call", "{\"name\":\"slow\"}", "{}");
            assertThat(r.get("resultType").asString()).isEqualTo("complete");
            assertThat(r.has("taskId")).isFalse();
            for (String m : new String[] {"tasks/get", "tasks/cancel", "tasks/update"}) {
                assertThat(c.error(m, RawClient.with26Meta("{\"taskId\":\"x\",\"inputResponses\":{}}", "{}"))
                                .code())
                        .isEqualTo(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
            }
            assertThat(c.error("tools/call", RawClient.with26Meta("{\"name\":\"failing\"}", "{}"))
                            .code())
                    .isEqualTo(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
        }
    }

    @Test
    void toolErrorsCompleteWithIsErrorAndProtocolErrorsFail() throws Exception {
        try (RawClient c = RawClient.connect(server)) {
            String failing = call(c, "tools/call", "{\"name\":\"failing\"}", WITH_EXT)
                    .get("taskId")
                    .asString();
            JsonNode f = awaitTerminal(c, failing);
            assertThat(f.get("status").asString()).isEqualTo("completed");
            assertThat(f.get("result").get("isError").asBoolean()).isTrue();
            String crash = call(c, "tools/call", "{\"name\":\"crash\"}", WITH_EXT)
                    .get("taskId")
                    .asString();
            JsonNode x = awaitTerminal(c, crash);
            assertThat(x.get("status").asString()).isEqualTo("failed");
            assertThat(x.get("error").get("code").asInt()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
            assertThat(x.has("result")).isFalse();
        }
    }

    @Test
    void cancelIsAnEmptyIdempotentAckAndUnknownIdsAreInvalidParams() throws Exception {
        try (RawClient c = RawClient.connect(server)) {
            String id = call(c, "tools/call", "{\"name\":\"slow\",\"arguments\":{\"wait\":true}}", WITH_EXT)
                    .get("taskId")
                    .asString();
            JsonNode ack = call(c, "tasks/cancel", "{\"taskId\":\"" + id + "\"}", WITH_EXT);
            assertThat(ack.has("taskId") || ack.has("status")).isFalse();
            assertThat(ack.get("resultType").asString()).isEqualTo("complete");
            assertThat(awaitTerminal(c, id).get("status").asString()).isEqualTo("cancelled");
            JsonNode again = call(c, "tasks/cancel", "{\"taskId\":\"" + id + "\"}", WITH_EXT);
            assertThat(again.get("resultType").asString()).isEqualTo("complete");
            assertThat(c.error("tasks/get", RawClient.with26Meta("{\"taskId\":\"nope\"}", WITH_EXT))
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(c.error("tasks/result", RawClient.with26Meta("{\"taskId\":\"" + id + "\"}", WITH_EXT))
                            .code())
                    .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        }
    }
}
