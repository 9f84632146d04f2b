package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.McpTimeoutException;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.PromptReference;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.tasks.TaskMetadata;
import dev.jmcp.core.protocol.tasks.TaskStatus;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClientMethodsTest {
    private static final String ALL = "{\"tools\":{\"listChanged\":true},\"prompts\":{},\"logging\":{},"
            + "\"completions\":{},\"resources\":{\"subscribe\":true,\"listChanged\":true},"
            + "\"tasks\":{\"list\":{},\"cancel\":{},\"requests\":{\"tools\":{\"call\":{}}}}}";
    private static final String TASK =
            "{\"taskId\":\"t1\",\"status\":\"working\",\"createdAt\":\"2025-01-01T00:00:00Z\","
                    + "\"lastUpdatedAt\":\"2025-01-01T00:00:00Z\",\"ttl\":null}";

    private static FakeServer full() {
        return FakeServer.handshake("2025-11-25", ALL)
                .on("tools/list", r -> {
                    JsonNode c = r.params() == null ? null : r.params().get("cursor");
                    return c == null
                            ? McpJson.parse("{\"tools\":[{\"name\":\"a\",\"inputSchema\":{\"type\":\"object\"}}],"
                                    + "\"nextCursor\":\"p2\"}")
                            : McpJson.parse("{\"tools\":[{\"name\":\"sum\",\"inputSchema\":{\"type\":\"object\"},"
                                    + "\"outputSchema\":{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"number\"}},"
                                    + "\"required\":[\"v\"]}}]}");
                })
                .on("tools/call", r -> {
                    String name = r.params().get("name").asString();
                    if (name.equals("sum")) {
                        int v = r.params().get("arguments").get("a").asInt();
                        return McpJson.parse(
                                v >= 0
                                        ? "{\"content\":[],\"structuredContent\":{\"v\":" + v + "}}"
                                        : "{\"content\":[],\"structuredContent\":{\"v\":\"bad\"}}");
                    }
                    if (r.params().has("task")) {
                        return McpJson.parse("{\"task\":" + TASK + "}");
                    }
                    return McpJson.parse("{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}");
                })
                .onJson("resources/list", "{\"resources\":[{\"uri\":\"file:///a\",\"name\":\"a\"}]}")
                .onJson(
                        "resources/templates/list",
                        "{\"resourceTemplates\":[{\"uriTemplate\":\"file:///{x}\",\"name\":\"x\"}]}")
                .onJson("resources/read", "{\"contents\":[{\"uri\":\"file:///a\",\"text\":\"hello\"}]}")
                .onJson("resources/subscribe", "{}")
                .onJson("resources/unsubscribe", "{}")
                .onJson("prompts/list", "{\"prompts\":[{\"name\":\"p\"}]}")
                .onJson(
                        "prompts/get",
                        "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"q\"}}]}")
                .onJson("completion/complete", "{\"completion\":{\"values\":[\"x1\",\"x2\"],\"hasMore\":false}}")
                .onJson("logging/setLevel", "{}")
                .onJson("tasks/get", TASK)
                .onJson("tasks/result", "{\"content\":[{\"type\":\"text\",\"text\":\"task done\"}]}")
                .onJson("tasks/list", "{\"tasks\":[" + TASK + "]}")
                .on("tasks/cancel", r -> McpJson.parse(TASK.replace("working", "cancelled")));
    }

    @Test
    void everyMethodReturnsItsTypedResult() {
        try (FakeServer server = full();
                McpClient client = server.client().build()) {
            client.connect();
            assertThat(client.listTools().nextCursor()).isEqualTo("p2");
            assertThat(client.listAllTools()).extracting(Tool::name).containsExactly("a", "sum");
            assertThat(client.callTool("a", Map.of("k", "v")).content()).hasSize(1);
            assertThat(server.last("tools/call")
                            .params()
                            .get("arguments")
                            .get("k")
                            .asString())
                    .isEqualTo("v");
            assertThat(client.listAllResources()).hasSize(1);
            assertThat(client.listResources(null).resources().get(0).uri()).isEqualTo("file:///a");
            assertThat(client.listAllResourceTemplates().get(0).uriTemplate()).isEqualTo("file:///{x}");
            assertThat(client.listResourceTemplates(null).resourceTemplates()).hasSize(1);
            assertThat(client.readResource("file:///a").contents()).hasSize(1);
            client.subscribeResource("file:///a");
            client.unsubscribeResource("file:///a");
            assertThat(server.last("resources/unsubscribe").params().get("uri").asString())
                    .isEqualTo("file:///a");
            assertThat(client.listAllPrompts().get(0).name()).isEqualTo("p");
            assertThat(client.listPrompts(null).prompts()).hasSize(1);
            assertThat(client.getPrompt("p", Map.of("a", "1")).messages()).hasSize(1);
            assertThat(server.last("prompts/get")
                            .params()
                            .get("arguments")
                            .get("a")
                            .asString())
                    .isEqualTo("1");
            assertThat(client.complete(CompleteRequest.of(PromptReference.of("p"), "a", "x"))
                            .completion()
                            .values())
                    .containsExactly("x1", "x2");
            client.setLoggingLevel(LoggingLevel.DEBUG);
            assertThat(server.last("logging/setLevel").params().get("level").asString())
                    .isEqualTo("debug");
            client.ping();
            assertThat(client.callToolAsTask("a", null, TaskMetadata.ttl(1000))
                            .task()
                            .taskId())
                    .isEqualTo("t1");
            assertThat(server.last("tools/call").params().get("task").get("ttl").asLong())
                    .isEqualTo(1000);
            assertThat(client.getTask("t1").status()).isEqualTo(TaskStatus.WORKING);
            assertThat(client.getToolTaskResult("t1").content()).hasSize(1);
            assertThat(client.getTaskResult("t1").get("content").isArray()).isTrue();
            assertThat(client.listTasks(null).tasks()).hasSize(1);
            assertThat(client.listAllTasks()).hasSize(1);
            assertThat(client.cancelTask("t1").status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(client.request("tools/list", null, CallOptions.defaults())
                            .get("tools")
                            .isArray())
                    .isTrue();
        }
    }

    @Test
    void structuredContentIsCheckedAgainstTheListedOutputSchema() {
        try (FakeServer server = full();
                McpClient client = server.client().build()) {
            client.connect();
            client.listAllTools();
            assertThat(client.callTool("sum", Map.of("a", 4))
                            .structuredContent()
                            .get("v")
                            .asInt())
                    .isEqualTo(4);
            assertThatThrownBy(() -> client.callTool("sum", Map.of("a", -1)))
                    .isInstanceOf(InvalidToolOutputException.class)
                    .hasMessageContaining("sum");
        }
    }

    @Test
    void outputValidationCanBeTurnedOff() {
        try (FakeServer server = full();
                McpClient client = server.client().validateToolOutput(false).build()) {
            client.connect();
            client.listAllTools();
            assertThat(client.callTool("sum", Map.of("a", -1))
                            .structuredContent()
                            .get("v")
                            .asString())
                    .isEqualTo("bad");
        }
    }

    @Test
    void undeclaredCapabilityFailsBeforeSending() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{\"resources\":{}}");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(client::listTools)
                    .isInstanceOf(MissingServerCapabilityException.class)
                    .hasMessageContaining("tools");
            assertThatThrownBy(() -> client.subscribeResource("file:///a")).hasMessageContaining("resources.subscribe");
            assertThatThrownBy(() -> client.setLoggingLevel(LoggingLevel.INFO)).hasMessageContaining("logging");
            assertThatThrownBy(() -> client.getPrompt("p", null)).hasMessageContaining("prompts");
            assertThatThrownBy(() -> client.complete(CompleteRequest.of(PromptReference.of("p"), "a", "")))
                    .hasMessageContaining("completions");
            assertThatThrownBy(() -> client.listTasks(null)).hasMessageContaining("tasks");
            assertThat(server.methods()).containsExactly("server/discover", "initialize");
        }
    }

    @Test
    void tasksAreRefusedBefore2025_11_25() {
        try (FakeServer server = FakeServer.handshake("2025-06-18", ALL);
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.getTask("t")).hasMessageContaining("not part of protocol 2025-06-18");
        }
    }

    @Test
    void claimedCapabilityAnsweredMethodNotFoundSurfacesTheRpcError() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{\"prompts\":{}}");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.listPrompts(null))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(-32601));
        }
    }

    @Test
    void serverErrorsKeepTheirCodeAndMessage() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", ALL).on("resources/read", r -> {
                    throw new McpRpcException(-32002, "Resource not found");
                });
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.readResource("file:///none"))
                    .isInstanceOfSatisfying(McpRpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(-32002);
                        assertThat(e.error().message()).isEqualTo("Resource not found");
                    });
        }
    }

    @Test
    void perCallTimeoutFailsAndCancelsAtTheServer() throws Exception {
        try (FakeServer server = slowToolServer();
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("slow", null, CallOptions.timeout(Duration.ofMillis(150))))
                    .isInstanceOf(McpTimeoutException.class);
            JsonNode cancelled =
                    server.nextNotification("notifications/cancelled").params();
            assertThat(cancelled.get("reason").asString()).contains("timed out");
        }
    }

    @Test
    void cancellingTheFutureCancelsTheRequest() throws Exception {
        try (FakeServer server = slowToolServer();
                McpClient client = server.client().build()) {
            client.connect();
            CompletableFuture<?> f = client.async().callTool("slow", (JsonNode) null);
            Poll.until(
                    "server.all('tools/call').size() == 1",
                    () -> server.all("tools/call").size() == 1);
            assertThat(f.cancel(true)).isTrue();
            JsonNode cancelled =
                    server.nextNotification("notifications/cancelled").params();
            assertThat(cancelled.get("requestId").asLong()).isEqualTo(3L); // 1 server/discover, 2 initialize
        }
    }

    @Test
    void progressReachesTheCallbackAndTheGlobalListener() {
        List<Double> perCall = new CopyOnWriteArrayList<>();
        List<Double> global = new CopyOnWriteArrayList<>();
        try (FakeServer server = FakeServer.handshake("2025-11-25", ALL).on("tools/call", r -> {
                    r.sendProgress(1, 2.0, "half");
                    r.sendProgress(2, 2.0, "done");
                    Thread.sleep(100);
                    return McpJson.parse("{\"content\":[]}");
                });
                McpClient client = server.client()
                        .onProgress(p -> global.add(p.progress()))
                        .build()) {
            client.connect();
            client.callTool(
                    "p",
                    null,
                    CallOptions.builder().progress((p, t, m) -> perCall.add(p)).build());
            assertThat(server.last("tools/call").params().get("_meta").has("progressToken"))
                    .isTrue();
            assertThat(perCall).containsExactly(1.0, 2.0);
            Poll.until("global.size() == 2", () -> global.size() == 2);
            assertThat(global).containsExactly(1.0, 2.0);
        }
    }

    @Test
    void closeCancelsPendingCallsAndReleasesTheTransport() throws Exception {
        try (FakeServer server = slowToolServer();
                McpClient client = server.client().build()) {
            client.connect();
            CompletableFuture<?> f = client.async().callTool("slow", (JsonNode) null);
            Poll.until(
                    "server.all('tools/call').size() == 1",
                    () -> server.all("tools/call").size() == 1);
            client.close();
            assertThat(f).isCancelled();
            assertThat(server.pair.clientSide().isClosed()).isTrue();
            assertThat(client.isConnected()).isFalse();
            assertThatThrownBy(client::listTools).hasMessageContaining("closed");
        }
    }

    @Test
    void blockingCallOnClosedClientThrowsCancelledOrTransport() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", ALL);
                McpClient client = server.client().build()) {
            client.connect();
            server.pair.serverSide().close();
            Poll.until("!client.isConnected()", () -> !client.isConnected());
            assertThatThrownBy(client::listTools)
                    .isInstanceOfAny(dev.jmcp.core.McpTransportException.class, McpCancelledException.class);
        }
    }

    /** A server (protocol 2025-11-25, every capability) whose {@code tools/call} answers only after five seconds. */
    private static FakeServer slowToolServer() {
        return FakeServer.handshake("2025-11-25", ALL).on("tools/call", r -> {
            Thread.sleep(5_000);
            return McpJson.object();
        });
    }
}
