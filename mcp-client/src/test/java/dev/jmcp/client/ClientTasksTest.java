package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.session.InboundNotification;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The client as a task receiver: the server sends sampling/elicitation as tasks and polls them (2025-11-25). */
class ClientTasksTest {
    private static final String SAMPLE =
            "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],\"maxTokens\":5,"
                    + "\"task\":{\"ttl\":60000}}";
    private static final String FORM =
            "{\"mode\":\"form\",\"message\":\"Name?\",\"requestedSchema\":{\"type\":\"object\","
                    + "\"properties\":{\"name\":{\"type\":\"string\"}}},\"task\":{}}";

    private static JsonNode ask(FakeServer server, String method, String params) throws Exception {
        return askAsync(server, method, params).get(5, TimeUnit.SECONDS);
    }

    private static CompletableFuture<JsonNode> askAsync(FakeServer server, String method, String params) {
        return server.session.request(method, params == null ? null : McpJson.parse(params));
    }

    private static String idParams(String taskId) {
        return "{\"taskId\":\"" + taskId + "\"}";
    }

    private static McpRpcException rpcError(CompletableFuture<JsonNode> f) throws Exception {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(McpRpcException.class);
            return (McpRpcException) e.getCause();
        }
        throw new AssertionError("expected an error, got a result");
    }

    private static ClientTaskOptions.Builder all() {
        return ClientTaskOptions.builder()
                .list(true)
                .cancel(true)
                .sampling(true)
                .elicitation(true);
    }

    @Test
    void initializeDeclaresTheTasksCapability() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> null)
                        .tasks(ClientTaskOptions.builder()
                                .cancel(true)
                                .sampling(true)
                                .build())
                        .build()) {
            client.connect();
            assertThat(server.last("initialize").params().get("capabilities").get("tasks"))
                    .isEqualTo(McpJson.parse("{\"cancel\":{},\"requests\":{\"sampling\":{\"createMessage\":{}}}}"));
        }
        assertThatThrownBy(() -> McpClient.builder()
                        .transport(dev.jmcp.core.testing.InMemoryTransport.linkedPair()
                                .clientSide())
                        .tasks(ClientTaskOptions.builder().elicitation(true).build())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("elicitation handler");
    }

    @Test
    void taskSamplingAnswersAtOnceRunsInTheBackgroundAndResultBlocksUntilDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> {
                            release.await(5, TimeUnit.SECONDS);
                            return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("done"), "m1", "endTurn");
                        })
                        .tasks(all().elicitation(false)
                                .pollInterval(Duration.ofMillis(250))
                                .build())
                        .build()) {
            client.connect();
            JsonNode created = ask(server, "sampling/createMessage", SAMPLE);
            JsonNode task = created.get("task");
            String id = task.get("taskId").asString();
            assertThat(id).hasSizeGreaterThanOrEqualTo(32);
            assertThat(task.get("status").asString()).isEqualTo("working");
            assertThat(task.get("ttl").asLong()).isEqualTo(60000);
            assertThat(task.get("pollInterval").asLong()).isEqualTo(250);
            Instant createdAt = Instant.parse(task.get("createdAt").asString());
            assertThat(Instant.parse(task.get("lastUpdatedAt").asString())).isEqualTo(createdAt);

            assertThat(ask(server, "tasks/get", idParams(id)).get("status").asString())
                    .isEqualTo("working");
            java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<JsonNode> result = askAsync(server, "tasks/result", idParams(id));
            CompletableFuture<Boolean> answeredAfterRelease = result.thenApply(r -> released.get());
            // a probe sent after tasks/result is answered while the task still works: tasks/result is still held
            assertThat(ask(server, "tasks/get", idParams(id)).get("status").asString())
                    .isEqualTo("working");
            assertThat(result).isNotDone();

            released.set(true);
            release.countDown();
            assertThat(answeredAfterRelease.get(5, TimeUnit.SECONDS)).isTrue();
            JsonNode answer = result.get(5, TimeUnit.SECONDS);
            assertThat(answer.get("model").asString()).isEqualTo("m1");
            assertThat(answer.get("_meta").get("io.modelcontextprotocol/related-task"))
                    .isEqualTo(McpJson.parse("{\"taskId\":\"" + id + "\"}"));

            JsonNode done = ask(server, "tasks/get", idParams(id));
            assertThat(done.get("status").asString()).isEqualTo("completed");
            assertThat(Instant.parse(done.get("lastUpdatedAt").asString())).isAfterOrEqualTo(createdAt);
            InboundNotification status = server.nextNotification("notifications/tasks/status");
            assertThat(status.params().get("taskId").asString()).isEqualTo(id);
            assertThat(status.params().get("status").asString()).isEqualTo("completed");
            // the result stays available until the TTL runs out
            assertThat(ask(server, "tasks/result", idParams(id)).get("model").asString())
                    .isEqualTo("m1");
        }
    }

    @Test
    void cancelSetsCancelledBeforeReplyingAndInterruptsTheHandler() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .elicitation(r -> {
                            started.countDown();
                            try {
                                Thread.sleep(5000);
                            } catch (InterruptedException e) {
                                interrupted.set(true);
                                throw e;
                            }
                            return ElicitResult.decline();
                        })
                        .tasks(all().sampling(false).build())
                        .build()) {
            client.connect();
            String id = ask(server, "elicitation/create", FORM)
                    .get("task")
                    .get("taskId")
                    .asString();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<JsonNode> waiting = askAsync(server, "tasks/result", idParams(id));

            JsonNode cancelled = ask(server, "tasks/cancel", idParams(id));
            assertThat(cancelled.get("taskId").asString()).isEqualTo(id);
            assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
            Poll.until("interrupted", interrupted::get);
            assertThat(ask(server, "tasks/get", idParams(id)).get("status").asString())
                    .isEqualTo("cancelled");
            assertThat(rpcError(waiting).code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            McpRpcException again = rpcError(askAsync(server, "tasks/cancel", idParams(id)));
            assertThat(again.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(again.getMessage()).contains("terminal");
            assertThat(server.nextNotification("notifications/tasks/status")
                            .params()
                            .get("status")
                            .asString())
                    .isEqualTo("cancelled");
        }
    }

    @Test
    void ttlIsCappedAndExpiryDeletesTheTaskAndFailsAWaitingResult() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> {
                            Thread.sleep(5000);
                            return null;
                        })
                        .tasks(all().elicitation(false)
                                .maxTtl(Duration.ofMillis(300))
                                .build())
                        .build()) {
            client.connect();
            JsonNode task = ask(server, "sampling/createMessage", SAMPLE).get("task");
            assertThat(task.get("ttl").asLong()).isEqualTo(300); // asked 60000, capped
            String id = task.get("taskId").asString();
            CompletableFuture<JsonNode> waiting = askAsync(server, "tasks/result", idParams(id));
            McpRpcException expired = rpcError(waiting);
            assertThat(expired.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            assertThat(expired.getMessage()).contains("expired");
            assertThat(rpcError(askAsync(server, "tasks/get", idParams(id))).getMessage())
                    .contains("unknown task");
            assertThat(ask(server, "tasks/list", null).get("tasks")).isEmpty();
        }
    }

    @Test
    void aFailingHandlerMakesAFailedTaskWhoseResultIsTheError() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> {
                            throw new McpRpcException(-32001, "the user said no");
                        })
                        .tasks(all().elicitation(false).build())
                        .build()) {
            client.connect();
            String id = ask(server, "sampling/createMessage", SAMPLE)
                    .get("task")
                    .get("taskId")
                    .asString();
            McpRpcException error = rpcError(askAsync(server, "tasks/result", idParams(id)));
            assertThat(error.code()).isEqualTo(-32001);
            assertThat(error.getMessage()).contains("the user said no");
            JsonNode state = ask(server, "tasks/get", idParams(id));
            assertThat(state.get("status").asString()).isEqualTo("failed");
            assertThat(state.get("statusMessage").asString()).contains("the user said no");
        }
    }

    @Test
    void listAndCancelAreOnlyServedWhenDeclared() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("x"), "m", "endTurn"))
                        .tasks(ClientTaskOptions.builder().sampling(true).build())
                        .build()) {
            client.connect();
            String id = ask(server, "sampling/createMessage", SAMPLE)
                    .get("task")
                    .get("taskId")
                    .asString();
            assertThat(rpcError(askAsync(server, "tasks/list", null)).code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
            assertThat(rpcError(askAsync(server, "tasks/cancel", idParams(id))).code())
                    .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        }
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("x"), "m", "endTurn"))
                        .tasks(all().build())
                        .elicitation(r -> ElicitResult.decline())
                        .build()) {
            client.connect();
            String a = ask(server, "sampling/createMessage", SAMPLE)
                    .get("task")
                    .get("taskId")
                    .asString();
            String b = ask(server, "elicitation/create", FORM)
                    .get("task")
                    .get("taskId")
                    .asString();
            JsonNode list = ask(server, "tasks/list", null);
            assertThat(list.get("tasks"))
                    .extracting(t -> t.get("taskId").asString())
                    .containsExactly(a, b);
            assertThat(list.has("nextCursor")).isFalse();
            assertThat(rpcError(askAsync(server, "tasks/list", "{\"cursor\":\"!!\"}"))
                            .code())
                    .isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void theTaskParamIsIgnoredWhenTheClientDidNotDeclareTaskSupportForTheMethod() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("x"), "m", "endTurn"))
                        .elicitation(r -> ElicitResult.accept(Map.of("name", McpJson.toTree("Ann"))))
                        .tasks(ClientTaskOptions.builder().sampling(true).build())
                        .build()) {
            client.connect();
            JsonNode answer = ask(server, "elicitation/create", FORM);
            assertThat(answer.has("task")).isFalse();
            assertThat(answer.get("action").asString()).isEqualTo("accept");
        }
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .sampling(r -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("x"), "m", "endTurn"))
                        .build()) {
            client.connect();
            assertThat(ask(server, "sampling/createMessage", SAMPLE)
                            .get("model")
                            .asString())
                    .isEqualTo("m");
            assertThat(rpcError(askAsync(server, "tasks/get", idParams("x"))).code())
                    .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        }
    }

    @Test
    void closingTheClientCancelsRunningTasks() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        FakeServer server = FakeServer.handshake("2025-11-25", "{}");
        McpClient client = server.client()
                .sampling(r -> {
                    started.countDown();
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                    return null;
                })
                .tasks(all().elicitation(false).build())
                .build();
        try (server) {
            client.connect();
            ask(server, "sampling/createMessage", SAMPLE);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            client.close();
            Poll.until("interrupted", interrupted::get);
        }
    }
}
