package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.ClientInterceptor;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.MissingServerCapabilityException;
import dev.jmcp.client.TaskNotCreatedException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.protocol.tools.ToolExecution.TaskSupport;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.Progress;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The client's task API against the real McpServer over HTTP on 127.0.0.1, in the 2025-11-25 era (core tasks) and
 * the 2026-07-28 era (the {@code io.modelcontextprotocol/tasks} extension): the same calls work in both.
 */
@Timeout(30)
class ClientTasksOverHttpTest {
    private static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    private static final String EXTENSION = "io.modelcontextprotocol/tasks";

    /** The eras the client may speak. */
    enum Era {
        CORE_TASKS_2025_11_25(ProtocolVersion.V2025_11_25),
        TASKS_EXTENSION_2026_07_28(ProtocolVersion.V2026_07_28);

        final ProtocolVersion version;

        Era(ProtocolVersion version) {
            this.version = version;
        }
    }

    private static volatile CountDownLatch release = new CountDownLatch(1);
    private static McpServer server;
    private static McpHttpServer http;
    private final List<JsonNode> sentParams = new CopyOnWriteArrayList<>();
    private final List<String> sentMethods = new CopyOnWriteArrayList<>();
    private final List<TaskStatusNotification> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = server();
        http = McpHttpServer.builder(server).host("127.0.0.1").port(0).start();
    }

    @AfterAll
    static void stopServer() {
        http.close();
        server.close();
    }

    @BeforeEach
    void newLatch() {
        release = new CountDownLatch(1);
    }

    @AfterEach
    void releaseTasks() {
        release.countDown();
    }

    private static McpServer server() {
        return McpServer.builder()
                .name("tasks-http")
                .version("1")
                .tool(
                        Tool.builder("slow", EMPTY)
                                .execution(ToolExecution.of(TaskSupport.OPTIONAL))
                                .build(),
                        (request, ctx) -> {
                            ctx.progress(Progress.of(1).total(3).message("started"));
                            if (!release.await(10, TimeUnit.SECONDS)) {
                                return CallToolResult.text("never released");
                            }
                            ctx.progress(Progress.of(2).total(3).message("released"));
                            return CallToolResult.text("done");
                        })
                .tool(
                        Tool.builder("needs_task", EMPTY)
                                .execution(ToolExecution.of(TaskSupport.REQUIRED))
                                .build(),
                        (request, ctx) -> CallToolResult.text("required-ok"))
                .tool(Tool.builder("plain", EMPTY).build(), (request, ctx) -> CallToolResult.text("inline"))
                .build();
    }

    private McpClient client(Era era) {
        ClientInterceptor recorder = chain -> {
            if (chain.call().method().startsWith("tasks/")
                    || chain.call().method().equals("tools/call")) {
                sentMethods.add(chain.call().method());
                sentParams.add(chain.call().params());
            }
            return chain.proceed(chain.call());
        };
        McpClient c = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(era.version)
                .requestTimeout(Duration.ofSeconds(10))
                .interceptor(recorder)
                .onTaskStatus(statuses::add)
                .build();
        c.connect();
        return c;
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aToolCalledAsATaskIsPolledWithTasksGetAndItsResultFetched(Era era) {
        try (McpClient client = client(era)) {
            CreateTaskResult created = client.callToolAsTask("slow", null, TaskMetadata.ttl(60_000));
            String id = created.task().taskId();
            assertThat(created.task().status()).isEqualTo(TaskStatus.WORKING);
            assertThat(client.getTask(id).status()).isEqualTo(TaskStatus.WORKING);
            release.countDown();
            Poll.until("the task completed", () -> client.getTask(id).status() == TaskStatus.COMPLETED);
            assertThat(text(client.getToolTaskResult(id))).isEqualTo("done");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aToolThatRequiresATaskIsCalledAsATaskAndWaitedFor(Era era) {
        try (McpClient client = client(era)) {
            CallToolResult r = client.callToolAsTaskAndWait(
                    "needs_task", McpJson.object(), TaskMetadata.defaults(), Duration.ofSeconds(10));
            assertThat(text(r)).isEqualTo("required-ok");
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void cancelTaskCancelsARunningTask(Era era) {
        try (McpClient client = client(era)) {
            String id = client.callToolAsTask("slow", null, null).task().taskId();
            assertThat(client.cancelTask(id).status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(client.getTask(id).status()).isEqualTo(TaskStatus.CANCELLED);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void waitingPastTheTimeoutCancelsTheTaskAtTheServer(Era era) {
        try (McpClient client = client(era)) {
            assertThatThrownBy(() ->
                            client.callToolAsTaskAndWait("slow", null, TaskMetadata.defaults(), Duration.ofMillis(300)))
                    .isInstanceOf(McpTimeoutException.class);
            Poll.until("tasks/cancel was sent", () -> sentMethods.contains("tasks/cancel"));
            String id = sentParams
                    .get(sentMethods.indexOf("tasks/cancel"))
                    .get("taskId")
                    .asString();
            Poll.until("the task is cancelled", () -> client.getTask(id).status() == TaskStatus.CANCELLED);
        }
    }

    @Test
    void theStatelessTaskCallDeclaresTheExtensionAndSendsNoTaskMember() {
        try (McpClient client = client(Era.TASKS_EXTENSION_2026_07_28)) {
            String id = client.callToolAsTask("needs_task", null, TaskMetadata.ttl(5000))
                    .task()
                    .taskId();
            client.getTask(id);
            JsonNode call = sentParams.get(0);
            assertThat(call.has("task")).isFalse();
            assertThat(call.path("_meta")
                            .path("io.modelcontextprotocol/clientCapabilities")
                            .path("extensions")
                            .has(EXTENSION))
                    .isTrue();
            JsonNode get = sentParams.get(1);
            assertThat(get.path("_meta")
                            .path("io.modelcontextprotocol/clientCapabilities")
                            .path("extensions")
                            .has(EXTENSION))
                    .isTrue();
        }
    }

    @Test
    void aStatelessServerThatAnswersAtOnceGivesTheResultInsteadOfATask() {
        try (McpClient client = client(Era.TASKS_EXTENSION_2026_07_28)) {
            assertThatThrownBy(() -> client.callToolAsTask("plain", null, null))
                    .isInstanceOfSatisfying(TaskNotCreatedException.class, e -> assertThat(text(e.result()))
                            .isEqualTo("inline"));
            CallToolResult r =
                    client.callToolAsTaskAndWait("plain", null, TaskMetadata.defaults(), Duration.ofSeconds(5));
            assertThat(text(r)).isEqualTo("inline");
        }
    }

    @Test
    void aPlainCallOfAClientThatDeclaresTheExtensionWaitsForTheTaskTheServerCreated() {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .requestTimeout(Duration.ofSeconds(10))
                .extension(EXTENSION, McpJson.object())
                .interceptor(chain -> {
                    sentMethods.add(chain.call().method());
                    return chain.proceed(chain.call());
                })
                .build()) {
            client.connect();
            var answer = client.async().callTool("slow", McpJson.object(), CallOptions.defaults());
            Poll.until("the task is polled", () -> sentMethods.contains("tasks/get"));
            release.countDown();
            assertThat(text(answer.join())).isEqualTo("done");
            assertThat(text(client.callTool("plain", McpJson.object()))).isEqualTo("inline");
        }
    }

    @Test
    void tasksResultAndTasksListAreRefusedBeforeSendingInTheStatelessEra() {
        try (McpClient client = client(Era.TASKS_EXTENSION_2026_07_28)) {
            assertThatThrownBy(() -> client.listTasks(null))
                    .isInstanceOf(MissingServerCapabilityException.class)
                    .hasMessageContaining("tasks extension");
            assertThat(sentParams).isEmpty();
        }
    }

    @Test
    void taskStatusNotificationsReachTheListenerInTheHandshakeEra() {
        try (McpClient client = client(Era.CORE_TASKS_2025_11_25)) {
            String id = client.callToolAsTask("slow", null, null).task().taskId();
            release.countDown();
            Poll.until("a completed status notification", () -> statuses.stream()
                    .anyMatch(s -> s.taskId().equals(id) && s.status() == TaskStatus.COMPLETED));
        }
    }

    @Test
    void aTaskCallCarriesAProgressTokenWhoseProgressReachesTheCallersListener() {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (McpClient client = client(Era.CORE_TASKS_2025_11_25)) {
            CreateTaskResult created = client.callToolAsTask(
                    "slow",
                    null,
                    TaskMetadata.defaults(),
                    CallOptions.builder()
                            .progress((done, total, message) -> progress.add(done + "/" + total + " " + message))
                            .build());
            assertThat(sentParams.get(0).path("_meta").path("progressToken").isString())
                    .isTrue();
            release.countDown(); // progress 2 is sent after the task was created and answered
            Poll.until("progress after the task was created", () -> progress.contains("2.0/3.0 released"));
            Poll.until(
                    "the task completed",
                    () -> client.getTask(created.task().taskId()).status() == TaskStatus.COMPLETED);
        }
    }
}
