package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.ClientInterceptor;
import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.client.Subscription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import dev.jmcp.core.protocol.tasks.CreateTaskResult;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tasks.TaskStatusNotification;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 tasks extension's status notifications over HTTP on 127.0.0.1: a client asks for them with
 * {@code subscriptions/listen} {@code notifications.taskIds}, the acknowledgement names the ids the server honours
 * (only the caller's own tasks), and each {@code notifications/tasks} carries the task's DetailedTask on the listen
 * stream. The jmcp client subscribes by itself for the tasks it creates when the application listens for task
 * status.
 */
@Timeout(30)
class TaskStatusNotificationsOverHttpTest {
    private static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    private static final ToolExecution OPTIONAL = ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong IDS = new AtomicLong(1000);

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> open = new ArrayList<>();
    private URI uri;

    @BeforeEach
    void start() {
        McpServer server = McpServer.builder()
                .name("task-status")
                .version("1")
                .tool(Tool.builder("slow", EMPTY).execution(OPTIONAL).build(), (req, ctx) -> {
                    if (!release.await(10, TimeUnit.SECONDS)) {
                        return CallToolResult.text("never released");
                    }
                    return CallToolResult.text("done");
                })
                .tool(
                        Tool.builder("quick", EMPTY).execution(OPTIONAL).build(),
                        (req, ctx) -> CallToolResult.text("quick"))
                .build();
        McpHttpServer http = McpHttpServer.builder(server)
                .host("127.0.0.1")
                .port(0)
                .authorization(ResourceServerAuth.builder()
                        .resource("http://127.0.0.1/mcp")
                        .authorizationServers(List.of("https://as.example"))
                        // the token names its principal: each token is another owner
                        .tokenValidator(token -> new AuthInfo(token, "client", token, Set.of(), null, Map.of()))
                        .build())
                .start();
        open.add(http);
        open.add(server);
        uri = http.uri();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private McpClient client(String token, List<TaskStatusNotification> statuses, List<String> sentMethods) {
        ClientInterceptor recorder = chain -> {
            sentMethods.add(chain.call().method());
            return chain.proceed(chain.call());
        };
        McpClientBuilder b = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(uri)
                        .header("Authorization", "Bearer " + token)
                        .build())
                .protocolVersion(ProtocolVersion.V2026_07_28)
                .requestTimeout(Duration.ofSeconds(10))
                .interceptor(recorder);
        if (statuses != null) {
            b.onTaskStatus(statuses::add);
        }
        McpClient c = b.build();
        open.add(0, c);
        c.connect();
        return c;
    }

    private static boolean seen(List<TaskStatusNotification> statuses, String taskId, TaskStatus status) {
        return statuses.stream().anyMatch(s -> s.taskId().equals(taskId) && s.status() == status);
    }

    @Test
    void taskStatusNotificationsReachTheListenerInTheStatelessEra() {
        List<TaskStatusNotification> statuses = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        McpClient client = client("alice", statuses, sent);

        CreateTaskResult created = client.callToolAsTask("slow", McpJson.object(), null);
        String id = created.task().taskId();
        assertThat(created.task().status()).isEqualTo(TaskStatus.WORKING);
        // the client subscribed by itself; the server sends the task's state right after acknowledging
        Poll.until("the working status pushed on the listen stream", () -> seen(statuses, id, TaskStatus.WORKING));

        release.countDown();
        Poll.until("the completed status pushed on the listen stream", () -> seen(statuses, id, TaskStatus.COMPLETED));
        assertThat(sent).as("pushed, not polled").doesNotContain("tasks/get");
    }

    @Test
    void theListenStreamCarriesTheTasksDetailedStateOnTheWire() throws Exception {
        String id = startTask("alice", "slow");
        ListenStream listen = new ListenStream(uri, "alice", Raw2026.CAPS, "{\"taskIds\":[\"" + id + "\"]}");

        JsonNode ack = listen.next();
        assertThat(ack.get("method").asString()).isEqualTo("notifications/subscriptions/acknowledged");
        assertThat(ack.get("params").get("notifications")).isEqualTo(McpJson.parse("{\"taskIds\":[\"" + id + "\"]}"));

        JsonNode working = listen.next();
        assertThat(working.get("method").asString()).isEqualTo("notifications/tasks");
        JsonNode w = working.get("params");
        assertThat(w.get("taskId").asString()).isEqualTo(id);
        assertThat(w.get("status").asString()).isEqualTo("working");
        assertThat(w.has("ttlMs")).isTrue();
        assertThat(w.has("createdAt") && w.has("lastUpdatedAt")).isTrue();
        assertThat(w.has("result")).isFalse();
        assertThat(w.get("_meta").get("io.modelcontextprotocol/subscriptionId").longValue())
                .isEqualTo(listen.id);

        release.countDown();
        JsonNode completed = listen.next();
        assertThat(completed.get("method").asString()).isEqualTo("notifications/tasks");
        JsonNode c = completed.get("params");
        assertThat(c.get("taskId").asString()).isEqualTo(id);
        assertThat(c.get("status").asString()).isEqualTo("completed");
        assertThat(c.get("result").get("content").get(0).get("text").asString())
                .as("the DetailedTask inlines the result, as tasks/get would")
                .isEqualTo("done");
        assertThat(c.get("_meta").get("io.modelcontextprotocol/subscriptionId").longValue())
                .isEqualTo(listen.id);
    }

    @Test
    void subscribingToAnotherOwnersTaskIsRefused() throws Exception {
        String bobs = startTask("bob", "quick"); // already ended: its state would follow the acknowledgement at once
        String alices = startTask("alice", "slow");

        // the jmcp client's explicit API: the acknowledgement leaves bob's task out
        McpClient alice = client("alice", null, new CopyOnWriteArrayList<>());
        Subscription sub = alice.subscribe(
                SubscriptionFilter.builder().taskIds(List.of(bobs)).build());
        assertThat(sub.acknowledged().taskIds()).isEmpty();
        sub.close();

        // on the wire: only alice's own task is honoured, and only its status is sent
        ListenStream listen =
                new ListenStream(uri, "alice", Raw2026.CAPS, "{\"taskIds\":[\"" + bobs + "\",\"" + alices + "\"]}");
        JsonNode ack = listen.next();
        assertThat(ack.get("params").get("notifications"))
                .isEqualTo(McpJson.parse("{\"taskIds\":[\"" + alices + "\"]}"));
        release.countDown();
        List<String> notified = new ArrayList<>();
        JsonNode last;
        do {
            last = listen.next();
            assertThat(last.get("method").asString()).isEqualTo("notifications/tasks");
            notified.add(last.get("params").get("taskId").asString());
        } while (!last.get("params").get("status").asString().equals("completed"));
        assertThat(notified).containsOnly(alices);
    }

    @Test
    void askingForTaskStatusWithoutDeclaringTheExtensionIsAMissingCapability() throws Exception {
        String id = startTask("alice", "slow");
        ObjectNode params = Raw2026.params("{\"notifications\":{\"taskIds\":[\"" + id + "\"]}}");
        params.withObject("_meta").set("io.modelcontextprotocol/clientCapabilities", McpJson.object());
        JsonNode error = Raw2026.error(uri, "alice", "subscriptions/listen", params);
        assertThat(error.get("code").intValue()).isEqualTo(-32021);
        assertThat(error.get("data")
                        .get("requiredCapabilities")
                        .get("extensions")
                        .has("io.modelcontextprotocol/tasks"))
                .isTrue();
    }

    /** Starts a 2026-07-28 extension task as {@code token}'s principal and returns its id. */
    private String startTask(String token, String tool) throws Exception {
        JsonNode created = Raw2026.result(
                uri, token, "tools/call", Raw2026.params("{\"name\":\"" + tool + "\",\"arguments\":{}}"));
        assertThat(created.get("resultType").asString()).isEqualTo("task");
        return created.get("taskId").asString();
    }

    /** An open raw {@code subscriptions/listen} stream, read by the HTTP client's thread. */
    private final class ListenStream {
        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final long id = IDS.incrementAndGet();

        ListenStream(URI uri, String token, String capabilities, String filterJson) {
            ObjectNode params = Raw2026.params("{\"notifications\":" + filterJson + "}");
            params.withObject("_meta").set("io.modelcontextprotocol/clientCapabilities", McpJson.parse(capabilities));
            ObjectNode body = McpJson.object();
            body.put("jsonrpc", "2.0");
            body.put("id", id);
            body.put("method", "subscriptions/listen");
            body.set("params", params);
            HttpRequest req = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .header("MCP-Protocol-Version", Raw2026.VERSION)
                    .header("Mcp-Method", "subscriptions/listen")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(McpJson.write(body)))
                    .build();
            HttpResponse<Stream<String>> response;
            try {
                response = HTTP.send(req, HttpResponse.BodyHandlers.ofLines());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread reader = new Thread(() -> read(response.body()), "listen-reader");
            reader.setDaemon(true);
            reader.start();
            open.add(0, () -> response.body().close());
        }

        private void read(Stream<String> lines) {
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && data.length() > 0) {
                        messages.add(McpJson.parse(data.toString()));
                        data.setLength(0);
                    }
                });
            } catch (RuntimeException e) {
                // the stream was closed by the test
            }
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message on the listen stream").isNotNull();
            return m;
        }
    }
}
