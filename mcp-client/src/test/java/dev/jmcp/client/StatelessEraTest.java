package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.tools.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StatelessEraTest {
    private static final String CAPS = "{\"tools\":{},\"prompts\":{},\"resources\":{},\"logging\":{}}";

    @Test
    void discoverListing2026MakesEveryRequestStatelessWithMeta() {
        try (FakeServer server = FakeServer.stateless(CAPS).onJson("tools/list", "{\"tools\":[]}");
                McpClient client = server.client().clientInfo("c26", "2.0").build()) {
            ServerDescription d = client.connect();
            assertThat(d.protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
            assertThat(d.isStateless()).isTrue();
            assertThat(d.serverInfo().name()).isEqualTo("fake26");
            assertThat(d.supportedVersions()).contains("2026-07-28", "2025-11-25");

            client.listTools();
            client.setLoggingLevel(LoggingLevel.WARNING);
            client.listTools();

            assertThat(server.methods()).containsExactly("server/discover", "tools/list", "tools/list");
            for (FakeServer.Received r : server.requests) {
                JsonNode meta = r.params().get("_meta");
                assertThat(meta.get("io.modelcontextprotocol/protocolVersion").asString())
                        .isEqualTo("2026-07-28");
                assertThat(meta.get("io.modelcontextprotocol/clientCapabilities")
                                .isObject())
                        .isTrue();
                assertThat(meta.get("io.modelcontextprotocol/clientInfo")
                                .get("name")
                                .asString())
                        .isEqualTo("c26");
            }
            assertThat(server.all("tools/list").get(0).params().get("_meta").has("io.modelcontextprotocol/logLevel"))
                    .isFalse();
            assertThat(server.last("tools/list")
                            .params()
                            .get("_meta")
                            .get("io.modelcontextprotocol/logLevel")
                            .asString())
                    .isEqualTo("warning");
            assertThat(server.notifications).isEmpty(); // no notifications/initialized
        }
    }

    @Test
    void handshakeOnlyMethodsAreRefusedInTheStatelessEra() {
        try (FakeServer server = FakeServer.stateless("{\"resources\":{\"subscribe\":true}}");
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(client::ping)
                    .isInstanceOf(MissingServerCapabilityException.class)
                    .hasMessageContaining("ping");
            assertThatThrownBy(() -> client.subscribeResource("file:///a"))
                    .isInstanceOf(MissingServerCapabilityException.class)
                    .hasMessageContaining("subscriptions/listen");
            assertThatThrownBy(() -> client.getTask("t")).isInstanceOf(MissingServerCapabilityException.class);
            assertThat(server.methods()).containsExactly("server/discover");
        }
    }

    @Test
    void statelessCapabilitiesCarryBareRoots() {
        try (FakeServer server = FakeServer.stateless(CAPS);
                McpClient client = server.client().roots(List::of).build()) {
            client.connect();
            JsonNode caps = server.last("server/discover")
                    .params()
                    .get("_meta")
                    .get("io.modelcontextprotocol/clientCapabilities");
            assertThat(caps).isEqualTo(McpJson.parse("{\"roots\":{}}"));
        }
    }

    @Test
    void inputRequiredIsAnsweredByTheHandlersAndRetriedWithTheEchoedState() {
        AtomicInteger round = new AtomicInteger();
        try (FakeServer server = FakeServer.stateless(CAPS).on("tools/call", r -> {
                    if (round.getAndIncrement() == 0) {
                        return McpJson.parse("{\"resultType\":\"input_required\",\"requestState\":\"s1\","
                                + "\"inputRequests\":{"
                                + "\"who\":{\"method\":\"elicitation/create\",\"params\":{\"mode\":\"form\","
                                + "\"message\":\"Name?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{"
                                + "\"name\":{\"type\":\"string\",\"default\":\"Ann\"},"
                                + "\"age\":{\"type\":\"integer\",\"default\":30}}}}},"
                                + "\"llm\":{\"method\":\"sampling/createMessage\",\"params\":{\"messages\":"
                                + "[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],"
                                + "\"maxTokens\":10}},"
                                + "\"dirs\":{\"method\":\"roots/list\"}}}");
                    }
                    return McpJson.parse(
                            "{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}");
                });
                McpClient client = server.client()
                        .elicitation(req -> {
                            assertThat(req).isInstanceOf(FormElicitRequest.class);
                            return ElicitResult.accept(Map.of("age", McpJson.toTree(41)));
                        })
                        .sampling(
                                req -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("hello"), "m1", "endTurn"))
                        .roots(() -> List.of(Root.of("file:///work", "work")))
                        .build()) {
            client.connect();
            CallToolResult result = client.callTool("t", Map.of("x", 1));

            assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("done");
            List<FakeServer.Received> calls = server.all("tools/call");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).params().has("inputResponses")).isFalse();
            JsonNode retry = calls.get(1).params();
            assertThat(retry.get("requestState").asString()).isEqualTo("s1");
            assertThat(retry.get("name").asString()).isEqualTo("t");
            assertThat(retry.get("arguments").get("x").asInt()).isEqualTo(1);
            JsonNode responses = retry.get("inputResponses");
            assertThat(responses.get("who"))
                    .isEqualTo(McpJson.parse("{\"action\":\"accept\",\"content\":{\"age\":41,\"name\":\"Ann\"}}"));
            assertThat(responses.get("llm").get("model").asString()).isEqualTo("m1");
            assertThat(responses.get("llm").get("content").get("text").asString())
                    .isEqualTo("hello");
            assertThat(responses.get("dirs").get("roots").get(0).get("uri").asString())
                    .isEqualTo("file:///work");
            assertThat(retry.get("_meta").has("io.modelcontextprotocol/protocolVersion"))
                    .isTrue();
        }
    }

    @Test
    void requestStateOnlyInputRequiredIsRetried() {
        AtomicInteger round = new AtomicInteger();
        try (FakeServer server = FakeServer.stateless(CAPS)
                        .on(
                                "prompts/get",
                                r -> round.getAndIncrement() == 0
                                        ? McpJson.parse(
                                                "{\"resultType\":\"input_required\",\"requestState\":\"later\"}")
                                        : McpJson.parse("{\"messages\":[]}"));
                McpClient client = server.client().build()) {
            client.connect();
            assertThat(client.getPrompt("p", Map.of("a", "b")).messages()).isEmpty();
            assertThat(server.last("prompts/get").params().get("requestState").asString())
                    .isEqualTo("later");
            assertThat(server.last("prompts/get").params().has("inputResponses"))
                    .isFalse();
        }
    }

    @Test
    void endlessInputRequiredStopsAfterTheRoundLimit() {
        try (FakeServer server = FakeServer.stateless(CAPS)
                        .on(
                                "resources/read",
                                r -> McpJson.parse(
                                        "{\"resultType\":\"input_required\","
                                                + "\"inputRequests\":{\"r\":{\"method\":\"roots/list\"}},\"requestState\":\"again\"}"));
                McpClient client =
                        server.client().roots(List::of).maxInputRounds(3).build()) {
            client.connect();
            assertThatThrownBy(() -> client.readResource("file:///x"))
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("after 3 rounds");
            assertThat(server.all("resources/read")).hasSize(4);
        }
    }

    @Test
    void inputRequestWithoutHandlerFailsTheCall() {
        try (FakeServer server = FakeServer.stateless(CAPS)
                        .on(
                                "tools/call",
                                r -> McpJson.parse(
                                        "{\"resultType\":\"input_required\","
                                                + "\"inputRequests\":{\"s\":{\"method\":\"sampling/createMessage\",\"params\":{}}}}"));
                McpClient client = server.client().build()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("t", (JsonNode) null))
                    .hasMessageContaining("no handler for")
                    .hasMessageContaining("sampling/createMessage");
            assertThat(server.all("tools/call")).hasSize(1);
        }
    }

    @Test
    void handlerFailureFailsTheCall() {
        try (FakeServer server = FakeServer.stateless(CAPS)
                        .on(
                                "tools/call",
                                r -> McpJson.parse("{\"resultType\":\"input_required\","
                                        + "\"inputRequests\":{\"d\":{\"method\":\"roots/list\"}}}"));
                McpClient client = server.client()
                        .roots(() -> {
                            throw new IllegalStateException("disk gone");
                        })
                        .build()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("t", (JsonNode) null)).hasMessageContaining("disk gone");
        }
    }

    @Test
    void pinnedStatelessNeverFallsBack() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .protocolVersion(ProtocolVersion.V2026_07_28)
                        .build()) {
            assertThatThrownBy(client::connect)
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("server/discover failed");
            assertThat(server.methods()).containsExactly("server/discover");
        }
    }

    @Test
    void pinnedStatelessRefusesAServerWithout2026() {
        try (FakeServer server = new FakeServer()
                        .onJson("server/discover", "{\"supportedVersions\":[\"2025-11-25\"],\"capabilities\":{}}");
                McpClient client = server.client()
                        .protocolVersion(ProtocolVersion.V2026_07_28)
                        .build()) {
            assertThatThrownBy(client::connect).hasMessageContaining("pinned to protocol 2026-07-28");
        }
    }

    @Test
    void unsupportedVersionErrorFromDiscoverFallsBack() {
        try (FakeServer server = FakeServer.handshake("2025-06-18", "{}").on("server/discover", r -> {
                    ObjectNode data = McpJson.object();
                    data.putArray("supported").add("2025-06-18");
                    data.put("requested", "2026-07-28");
                    throw new McpRpcException(new dev.jmcp.core.jsonrpc.JsonRpcError(-32022, "Unsupported", data));
                });
                McpClient client = server.client().build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);
        }
    }

    @Test
    void aCallCancelledWhileItsInputHandlerRunsSendsNoRetry() throws Exception {
        java.util.concurrent.CountDownLatch inHandler = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayReturn = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch handlerTaskDone = new java.util.concurrent.CountDownLatch(1);
        AtomicReference<Thread> handlerThread = new AtomicReference<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
        // runs handlers, and tells when the task that ran the roots handler (and would send the retry) has finished
        java.util.concurrent.Executor observed = task -> pool.execute(() -> {
            try {
                task.run();
            } finally {
                if (Thread.currentThread() == handlerThread.get()) {
                    handlerTaskDone.countDown();
                }
            }
        });
        try (FakeServer server = FakeServer.stateless(CAPS)
                        .on(
                                "tools/call",
                                r -> McpJson.parse("{\"resultType\":\"input_required\","
                                        + "\"inputRequests\":{\"d\":{\"method\":\"roots/list\"}}}"))
                        .onJson("tools/list", "{\"tools\":[]}");
                McpClient client = server.client()
                        .handlerExecutor(observed)
                        .roots(() -> {
                            handlerThread.set(Thread.currentThread());
                            inHandler.countDown();
                            mayReturn.await(5, java.util.concurrent.TimeUnit.SECONDS);
                            return List.of();
                        })
                        .build()) {
            client.connect();
            var future = client.async().callTool("t", (JsonNode) null);
            assertThat(inHandler.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(future.cancel(true)).isTrue();
            mayReturn.countDown();
            assertThat(handlerTaskDone.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            client.listTools(); // a probe: sent after the point where a retry would have been sent
            assertThat(server.methods()).containsExactly("server/discover", "tools/call", "tools/list");
        } finally {
            pool.shutdownNow();
        }
    }
}
