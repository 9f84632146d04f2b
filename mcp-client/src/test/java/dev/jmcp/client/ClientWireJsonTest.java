package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.subscriptions.SubscriptionFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The exact JSON the client puts on the wire for the messages it builds itself (key order aside): the
 * {@code initialize} params of each handshake revision, the 2026-07-28 {@code _meta} of discovery and of later
 * requests, the {@code subscriptions/listen} params, and an elicitation answer the client completed, and
 * the answers of an {@code input_required} retry.
 */
class ClientWireJsonTest {
    private static final Implementation INFO =
            Implementation.builder("wire-client", "3.1").title("Wire").build();
    private static final String INFO_JSON = "{\"name\":\"wire-client\",\"title\":\"Wire\",\"version\":\"3.1\"}";

    /** A client declaring every capability the builder offers. */
    private static McpClientBuilder everything(McpClientBuilder b) {
        return b.clientInfo(INFO)
                .roots(List::of)
                .sampling(r -> null, SamplingToolUse.TOOLS)
                .elicitation(r -> ElicitResult.decline(), ElicitationMode.FORM, ElicitationMode.URL)
                .experimentalCapability("x.trace", McpJson.parse("{\"on\":true}"))
                .extension("io.example/ext", McpJson.parse("{\"v\":1}"))
                .tasks(ClientTaskOptions.builder()
                        .list(true)
                        .cancel(true)
                        .sampling(true)
                        .elicitation(true)
                        .build());
    }

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(actual).isEqualTo(McpJson.parse(expected));
    }

    @Test
    void initializeParamsOfAPinned20251125ClientCarryEveryDeclaredCapability() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = everything(server.client())
                        .protocolVersion(ProtocolVersion.V2025_11_25)
                        .build()) {
            client.connect();
            assertJson(
                    server.last("initialize").params(),
                    "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{"
                            + "\"experimental\":{\"x.trace\":{\"on\":true}},"
                            + "\"roots\":{\"listChanged\":true},"
                            + "\"sampling\":{\"tools\":{}},"
                            + "\"elicitation\":{\"form\":{},\"url\":{}},"
                            + "\"tasks\":{\"list\":{},\"cancel\":{},\"requests\":{"
                            + "\"sampling\":{\"createMessage\":{}},\"elicitation\":{\"create\":{}}}},"
                            + "\"extensions\":{\"io.example/ext\":{\"v\":1}}},"
                            + "\"clientInfo\":" + INFO_JSON + "}");
        }
    }

    @Test
    void initializeParamsOfA20241105NegotiationOmitWhatWasNotDeclared() {
        try (FakeServer server = FakeServer.handshake("2024-11-05", "{}");
                McpClient client = server.client()
                        .clientInfo("old-client", "0.1")
                        .protocolVersion(ProtocolVersion.V2024_11_05)
                        .sampling(r -> null)
                        .elicitation(r -> ElicitResult.decline())
                        .tasks(ClientTaskOptions.builder().build())
                        .build()) {
            client.connect();
            assertJson(
                    server.last("initialize").params(),
                    "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{"
                            + "\"sampling\":{},\"elicitation\":{\"form\":{}},\"tasks\":{\"requests\":{}}},"
                            + "\"clientInfo\":{\"name\":\"old-client\",\"version\":\"0.1\"}}");
        }
        try (FakeServer server = FakeServer.handshake("2024-11-05", "{}");
                McpClient client = server.client()
                        .clientInfo("bare", "1")
                        .protocolVersion(ProtocolVersion.V2024_11_05)
                        .build()) {
            client.connect();
            assertJson(
                    server.last("initialize").params(),
                    "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"bare\",\"version\":\"1\"}}");
        }
    }

    private static final String STATELESS_META = "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{"
            + "\"experimental\":{\"x.trace\":{\"on\":true}},"
            + "\"roots\":{},\"sampling\":{\"tools\":{}},\"elicitation\":{\"form\":{},\"url\":{}},"
            + "\"extensions\":{\"io.example/ext\":{\"v\":1}}},"
            + "\"io.modelcontextprotocol/clientInfo\":" + INFO_JSON;

    @Test
    void statelessRequestsCarryTheReservedMetaKeysBesideTheCallersOwn() {
        try (FakeServer server = FakeServer.stateless("{\"tools\":{}}")
                        .onJson("tools/list", "{\"tools\":[]}")
                        .onJson("tools/call", "{\"content\":[]}");
                McpClient client = everything(server.client()).build()) {
            client.connect();
            client.listTools();
            client.setLoggingLevel(LoggingLevel.WARNING);
            client.callTool(
                    "echo",
                    McpJson.parse("{\"a\":1}"),
                    CallOptions.builder()
                            .meta(McpJson.parse("{\"trace\":\"t1\"}"))
                            .build());

            assertJson(server.last("server/discover").params(), "{\"_meta\":{" + STATELESS_META + "}}");
            assertJson(server.last("tools/list").params(), "{\"_meta\":{" + STATELESS_META + "}}");
            assertJson(
                    server.last("tools/call").params(),
                    "{\"name\":\"echo\",\"arguments\":{\"a\":1},\"_meta\":{\"trace\":\"t1\"," + STATELESS_META
                            + ",\"io.modelcontextprotocol/logLevel\":\"warning\"}}");
        }
    }

    @Test
    void listenParamsAreTheFilterAndTheStatelessMeta() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer server = FakeServer.stateless("{\"tools\":{\"listChanged\":true},\"resources\":{}}")
                        .on("subscriptions/listen", r -> {
                            r.notify(
                                    "notifications/subscriptions/acknowledged",
                                    McpJson.toTree(Map.of(
                                            "notifications",
                                            Map.of("toolsListChanged", true),
                                            "_meta",
                                            Map.of("io.modelcontextprotocol/subscriptionId", r.id().value()))));
                            release.await(5, TimeUnit.SECONDS);
                            return McpJson.object();
                        });
                McpClient client = everything(server.client()).build()) {
            client.connect();
            client.subscribe(SubscriptionFilter.builder()
                    .toolsListChanged(true)
                    .resourceSubscriptions(List.of("file:///a"))
                    .build());
            assertJson(
                    server.last("subscriptions/listen").params(),
                    "{\"notifications\":{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"file:///a\"]},"
                            + "\"_meta\":{" + STATELESS_META + "}}");
        } finally {
            release.countDown();
        }
    }

    @Test
    void acceptedElicitationAnswerGetsTheDefaultsAndKeepsItsMeta() throws Exception {
        String form = "{\"mode\":\"form\",\"message\":\"Profile\",\"requestedSchema\":{\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\",\"default\":\"John Doe\"},"
                + "\"age\":{\"type\":\"integer\",\"default\":30},\"nick\":{\"type\":\"string\"}}}}";
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .elicitation(r -> ElicitResult.builder(ElicitAction.ACCEPT)
                                .content(Map.of("age", McpJson.toTree(31)))
                                .meta(McpJson.parse("{\"k\":\"v\"}"))
                                .build())
                        .build()) {
            client.connect();
            JsonNode answer = server.session
                    .request("elicitation/create", McpJson.parse(form))
                    .get(5, TimeUnit.SECONDS);
            assertJson(
                    answer,
                    "{\"action\":\"accept\",\"content\":{\"age\":31,\"name\":\"John Doe\"},"
                            + "\"_meta\":{\"k\":\"v\"}}");
        }
    }

    @Test
    void inputRequiredRetryCarriesEachAnswerAsItsBareResult() {
        AtomicInteger round = new AtomicInteger();
        try (FakeServer server = FakeServer.stateless("{\"tools\":{}}")
                        .on(
                                "tools/call",
                                r -> round.getAndIncrement() == 0
                                        ? McpJson.parse(
                                                "{\"resultType\":\"input_required\",\"requestState\":\"s1\",\"inputRequests\":{"
                                                        + "\"who\":{\"method\":\"elicitation/create\",\"params\":{\"mode\":\"form\","
                                                        + "\"message\":\"Name?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":{"
                                                        + "\"name\":{\"type\":\"string\",\"default\":\"Ann\"}}}}},"
                                                        + "\"llm\":{\"method\":\"sampling/createMessage\",\"params\":{\"messages\":"
                                                        + "[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],"
                                                        + "\"maxTokens\":10}},"
                                                        + "\"dirs\":{\"method\":\"roots/list\"}}}")
                                        : McpJson.parse("{\"content\":[]}"));
                McpClient client = server.client()
                        .clientInfo(INFO)
                        .elicitation(req -> ElicitResult.accept(Map.of("age", McpJson.toTree(41))))
                        .sampling(
                                req -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("hello"), "m1", "endTurn"))
                        .roots(() -> List.of(Root.of("file:///work", "work")))
                        .build()) {
            client.connect();
            client.callTool("t", Map.of("x", 1));
            assertJson(
                    server.last("tools/call").params(),
                    "{\"name\":\"t\",\"arguments\":{\"x\":1},\"requestState\":\"s1\",\"inputResponses\":{"
                            + "\"who\":{\"action\":\"accept\",\"content\":{\"age\":41,\"name\":\"Ann\"}},"
                            + "\"llm\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"hello\"},"
                            + "\"model\":\"m1\",\"stopReason\":\"endTurn\"},"
                            + "\"dirs\":{\"roots\":[{\"uri\":\"file:///work\",\"name\":\"work\"}]}},"
                            + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                            + "\"io.modelcontextprotocol/clientCapabilities\":{\"roots\":{},\"sampling\":{},"
                            + "\"elicitation\":{\"form\":{}}},"
                            + "\"io.modelcontextprotocol/clientInfo\":" + INFO_JSON + "}}");
        }
    }
}
