package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class TaskLifetimeTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final CountDownLatch release = new CountDownLatch(1);
    final ExecutorService twoThreads = Executors.newFixedThreadPool(2);

    McpServer server(Duration ttl) {
        return McpServer.builder()
                .executor(twoThreads)
                .taskTtl(ttl)
                .tool(
                        Tool.builder("job", EMPTY)
                                .description("waits for the test")
                                .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                                .build(),
                        (req, ctx) -> {
                            release.await(20, TimeUnit.SECONDS);
                            return CallToolResult.text("done");
                        })
                .build();
    }

    @AfterEach
    void close() {
        release.countDown();
        twoThreads.shutdownNow();
    }

    @Test
    void aWaitingTasksResultHoldsNoHandlerThread() throws Exception {
        McpServer server = server(Duration.ofMinutes(1));
        try (RawClient c = RawClient.connect(server).initialize()) {
            String id = c.call("tools/call", "{\"name\":\"job\",\"task\":{}}")
                    .get("task")
                    .get("taskId")
                    .asString();
            // The task holds one of the two threads; three waiting tasks/result must not take the other.
            CompletableFuture<JsonNode> r1 =
                    c.session.request("tasks/result", McpJson.parse("{\"taskId\":\"" + id + "\"}"));
            CompletableFuture<JsonNode> r2 =
                    c.session.request("tasks/result", McpJson.parse("{\"taskId\":\"" + id + "\"}"));
            CompletableFuture<JsonNode> r3 =
                    c.session.request("tasks/result", McpJson.parse("{\"taskId\":\"" + id + "\"}"));
            JsonNode status = c.call("tasks/get", "{\"taskId\":\"" + id + "\"}");
            assertThat(status.get("status").asString()).isEqualTo("working");
            assertThat(r1).isNotDone();
            release.countDown();
            for (CompletableFuture<JsonNode> r : java.util.List.of(r1, r2, r3)) {
                assertThat(r.get(10, TimeUnit.SECONDS)
                                .get("content")
                                .get(0)
                                .get("text")
                                .asString())
                        .isEqualTo("done");
            }
        } finally {
            server.close();
        }
    }

    @Test
    void anExpiredTaskIsSweptByItsTimerAndItsWaitingResultIsAnswered() throws Exception {
        // The TTL must outlast the gap between the task's creation and the tasks/result below, or the task is gone
        // before anyone waits on it (an "unknown task" error instead of "expired"): 2 s leaves room on a busy machine.
        McpServer server = server(Duration.ofSeconds(2));
        try (RawClient c = RawClient.connect(server).initialize()) {
            String id = c.call("tools/call", "{\"name\":\"job\",\"task\":{}}")
                    .get("task")
                    .get("taskId")
                    .asString();
            CompletableFuture<JsonNode> waiting =
                    c.session.request("tasks/result", McpJson.parse("{\"taskId\":\"" + id + "\"}"));
            // Nothing but the expiry timer can answer this: the task never finishes by itself.
            try {
                waiting.get(10, TimeUnit.SECONDS);
                throw new AssertionError("expected an error");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(McpRpcException.class);
                assertThat(((McpRpcException) e.getCause()).error().message()).contains("expired");
            }
            assertThat(c.error("tasks/get", "{\"taskId\":\"" + id + "\"}").code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        } finally {
            server.close();
        }
    }
}
