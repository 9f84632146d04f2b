package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerTool;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Task limits over HTTP in both eras: a task is bounded by its own timeout, not the handler timeout; an owner's
 * task count is capped; tasks of a closed handshake session end with it, a principal's tasks do not.
 */
@Timeout(30)
class TaskLimitsOverHttpTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final ToolExecution OPTIONAL = ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL);

    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final AtomicReference<String> lastCaller = new AtomicReference<>();
    final List<AutoCloseable> open = new ArrayList<>();

    static Tool tool(String name) {
        return Tool.builder(name, EMPTY).description(name).execution(OPTIONAL).build();
    }

    /** Sleeps 900 ms: longer than the handler timeout of the servers below. */
    final ServerTool slow = new ServerTool(tool("slow"), (req, ctx) -> {
        Thread.sleep(900);
        return CallToolResult.text("done");
    });

    /** Waits for the test; notes an interruption (cancellation). */
    final ServerTool blocking = new ServerTool(tool("blocking"), (req, ctx) -> {
        lastCaller.set(ctx.authInfo().map(AuthInfo::principal).orElse("anonymous"));
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
        return CallToolResult.text("released");
    });

    URI start(Consumer<McpServer.Builder> config, boolean withAuth) {
        McpServer.Builder b = McpServer.builder().tool(slow).tool(blocking);
        config.accept(b);
        McpServer server = b.build();
        McpHttpServer.Builder http = McpHttpServer.builder(server).port(0);
        if (withAuth) {
            http.authorization(ResourceServerAuth.builder()
                    .resource("http://127.0.0.1/mcp")
                    .authorizationServers(List.of("https://as.example"))
                    .tokenValidator(token -> new AuthInfo(token, "client", token, Set.of(), null, Map.of()))
                    .build());
        }
        McpHttpServer started = http.start();
        open.add(started);
        open.add(server);
        return started.uri();
    }

    McpClient client2025(URI uri, String token) {
        StreamableHttpClientTransport.Builder t = StreamableHttpClientTransport.builder(uri);
        if (token != null) {
            t.header("Authorization", "Bearer " + token);
        }
        McpClient client = McpClient.builder()
                .transport(t.build())
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        open.add(0, client);
        client.connect();
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    /** Starts a 2026-07-28 extension task and returns its id. */
    static String startTask2026(URI uri, String tool) throws Exception {
        JsonNode created =
                Raw2026.result(uri, null, "tools/call", Raw2026.params("{\"name\":\"" + tool + "\",\"arguments\":{}}"));
        assertThat(created.get("resultType").asString()).isEqualTo("task");
        return created.get("taskId").asString();
    }

    /** Polls 2026-07-28 {@code tasks/get} until the task leaves {@code working}. */
    static JsonNode awaitTask2026(URI uri, String id) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Poll.until("task " + id + " ended", () -> {
            try {
                last.set(Raw2026.result(uri, null, "tasks/get", Raw2026.params("{\"taskId\":\"" + id + "\"}")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return !last.get().get("status").asString().equals("working");
        });
        return last.get();
    }

    @Test
    void aTaskRunsPastTheHandlerTimeoutInBothEras() throws Exception {
        URI uri = start(b -> b.handlerTimeout(Duration.ofMillis(300)), false);
        McpClient client = client2025(uri, null);
        // an ordinary call is bounded by the handler timeout
        CallToolResult inline = client.callTool("slow", Map.of());
        assertThat(inline.isError()).isTrue();
        assertThat(text(inline)).contains("timed out");
        // a task is not
        CallToolResult task =
                client.callToolAsTaskAndWait("slow", EMPTY, TaskMetadata.defaults(), Duration.ofSeconds(10));
        assertThat(text(task)).isEqualTo("done");

        JsonNode done = awaitTask2026(uri, startTask2026(uri, "slow"));
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("result").get("content").get(0).get("text").asString())
                .isEqualTo("done");
    }

    @Test
    void aTaskStopsAtItsToolsOwnTimeoutOrTheServerTaskTimeoutInBothEras() throws Exception {
        ServerTool limited = new ServerTool(tool("limited"), (req, ctx) -> {
                    release.await(20, TimeUnit.SECONDS);
                    return CallToolResult.text("released");
                })
                .withTaskTimeout(Duration.ofMillis(300));
        URI uri = start(b -> b.tool(limited).taskTimeout(Duration.ofMillis(400)), false);
        McpClient client = client2025(uri, null);

        String id = client.callToolAsTask("limited", EMPTY, TaskMetadata.defaults())
                .task()
                .taskId();
        CallToolResult own = client.getToolTaskResult(id);
        assertThat(own.isError()).isTrue();
        assertThat(text(own)).contains("timed out").contains("300 ms");
        assertThat(client.getTask(id).task().status()).isEqualTo(TaskStatus.FAILED);

        JsonNode serverDefault = awaitTask2026(uri, startTask2026(uri, "blocking"));
        assertThat(serverDefault.get("result").get("isError").asBoolean()).isTrue();
        assertThat(serverDefault.get("result").get("content").get(0).get("text").asString())
                .contains("timed out")
                .contains("400 ms");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anOwnerBeyondItsTaskCapGetsAClearErrorInBothEras() throws Exception {
        URI uri = start(b -> b.maxTasksPerOwner(2), false);
        McpClient first = client2025(uri, null);
        first.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults());
        first.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults());
        assertThatThrownBy(() -> first.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults()))
                .isInstanceOfSatisfying(McpRpcException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
                    assertThat(e.error().message()).contains("too many tasks");
                });
        // another session is another owner
        McpClient second = client2025(uri, null);
        assertThat(second.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults())
                        .task()
                        .status())
                .isEqualTo(TaskStatus.WORKING);

        startTask2026(uri, "blocking");
        startTask2026(uri, "blocking");
        JsonNode error =
                Raw2026.error(uri, null, "tools/call", Raw2026.params("{\"name\":\"blocking\",\"arguments\":{}}"));
        assertThat(error.get("code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(error.get("message").asString()).contains("too many tasks");
        assertThat(error.get("data").get("maxTasksPerOwner").asInt()).isEqualTo(2);
    }

    @Test
    void anExpiredTaskFreesItsOwnersPlace() throws Exception {
        URI uri = start(b -> b.maxTasksPerOwner(1), false);
        McpClient client = client2025(uri, null);
        client.callToolAsTask("blocking", EMPTY, TaskMetadata.ttl(1500));
        assertThatThrownBy(() -> client.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults()))
                .isInstanceOf(McpRpcException.class);
        // the expiry timer forgets the task, then cancels its handler
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.callToolAsTask("slow", EMPTY, TaskMetadata.defaults())
                        .task()
                        .status())
                .isEqualTo(TaskStatus.WORKING);
    }

    @Test
    void closingAHandshakeSessionCancelsItsTasks() throws Exception {
        URI uri = start(b -> {}, false);
        McpClient client = client2025(uri, null);
        client.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults());
        Poll.until("the task runs", () -> lastCaller.get() != null);
        client.close(); // DELETE of the session
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPrincipalsTaskOutlivesItsSessionAndIsReachableFromAnother() throws Exception {
        URI uri = start(b -> {}, true);
        McpClient first = client2025(uri, "alice");
        String id = first.callToolAsTask("blocking", EMPTY, TaskMetadata.defaults())
                .task()
                .taskId();
        Poll.until("the task runs", () -> "alice".equals(lastCaller.get()));
        first.close();

        McpClient again = client2025(uri, "alice");
        assertThat(again.getTask(id).task().status()).isEqualTo(TaskStatus.WORKING);
        McpClient bob = client2025(uri, "bob");
        assertThatThrownBy(() -> bob.getTask(id)).isInstanceOf(McpRpcException.class);
        release.countDown();
        assertThat(text(again.getToolTaskResult(id))).isEqualTo("released");
        assertThat(interrupted.getCount()).isEqualTo(1);
    }
}
