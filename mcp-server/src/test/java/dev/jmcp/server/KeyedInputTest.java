package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Keyed input calls and input batches, in both eras. */
class KeyedInputTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    static final String ALL = "{\"elicitation\":{},\"sampling\":{},\"roots\":{}}";
    static final String NAME = "{\"action\":\"accept\",\"content\":{\"name\":\"ann\"}}";
    static final String COLOR = "{\"action\":\"accept\",\"content\":{\"name\":\"blue\"}}";

    static FormElicitRequest form(String message) {
        return FormElicitRequest.of(
                message,
                RequestedSchema.of(Map.of("name", StringSchema.builder().build()), List.of("name")));
    }

    static CreateMessageRequest question() {
        return CreateMessageRequest.builder(List.of(SamplingMessage.of(Role.USER, TextContent.of("hi"))), 10)
                .build();
    }

    final McpServer server = McpServer.builder()
            .tool(
                    Tool.builder("greet", EMPTY)
                            .description("one keyed question")
                            .build(),
                    (req, ctx) -> CallToolResult.text("Hello, "
                            + ctx.elicit("user_name", form("name?"))
                                    .content()
                                    .get("name")
                                    .asString()))
            .tool(Tool.builder("all", EMPTY).description("a batch").build(), (req, ctx) -> {
                InputAnswers in = ctx.inputs()
                        .elicit("user_name", form("name?"))
                        .sample("greeting", question())
                        .roots("client_roots")
                        .await();
                return CallToolResult.text(
                        in.elicitation("user_name").content().get("name").asString() + "|"
                                + McpJson.write(in.sampling("greeting").content()) + "|"
                                + in.roots("client_roots").get(0).uri());
            })
            .tool(Tool.builder("two", EMPTY).description("two keyed rounds").build(), (req, ctx) -> {
                String a = ctx.elicit("first", form("1?")).content().get("name").asString();
                String b =
                        ctx.elicit("second", form("2?")).content().get("name").asString();
                return CallToolResult.text(a + "+" + b);
            })
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aKeyedCallUsesTheHandlersKeyAndTheRetryCompletes() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode first = c.call("tools/call", RawClient.with26Meta("{\"name\":\"greet\"}", ALL));
            assertThat(first.get("resultType").asString()).isEqualTo("input_required");
            assertThat(first.get("inputRequests").get("user_name").get("method").asString())
                    .isEqualTo("elicitation/create");
            ObjectNode retry = RawClient.with26Meta("{\"name\":\"greet\"}", ALL);
            retry.put("requestState", first.get("requestState").asString());
            retry.putObject("inputResponses").set("user_name", McpJson.parse(NAME));
            assertThat(text(c.call("tools/call", retry))).isEqualTo("Hello, ann");
        }
    }

    @Test
    void aBatchAsksEverythingInOneRoundAndAcceptsAllAnswersAtOnce() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode first = c.call("tools/call", RawClient.with26Meta("{\"name\":\"all\"}", ALL));
            JsonNode requests = first.get("inputRequests");
            assertThat(requests.propertyNames()).containsExactly("user_name", "greeting", "client_roots");
            assertThat(requests.get("greeting").get("method").asString()).isEqualTo("sampling/createMessage");
            assertThat(requests.get("client_roots").get("method").asString()).isEqualTo("roots/list");

            // a partial answer asks again for the rest only, keeping what was answered
            ObjectNode partial = RawClient.with26Meta("{\"name\":\"all\"}", ALL);
            partial.put("requestState", first.get("requestState").asString());
            partial.putObject("inputResponses").set("user_name", McpJson.parse(NAME));
            JsonNode rest = c.call("tools/call", partial);
            assertThat(rest.get("inputRequests").propertyNames()).containsExactly("greeting", "client_roots");

            ObjectNode done = RawClient.with26Meta("{\"name\":\"all\"}", ALL);
            done.put("requestState", rest.get("requestState").asString());
            ObjectNode responses = done.putObject("inputResponses");
            responses.set(
                    "greeting",
                    McpJson.parse("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"yo\"},"
                            + "\"model\":\"m\"}"));
            responses.set("client_roots", McpJson.parse("{\"roots\":[{\"uri\":\"file:///r\"}]}"));
            assertThat(text(c.call("tools/call", done))).startsWith("ann|").endsWith("|file:///r");
        }
    }

    @Test
    void aFirstRoundAnswerMayComeWithoutStateAndExtraKeysAreIgnored() {
        try (RawClient c = RawClient.connect(server)) {
            ObjectNode direct = RawClient.with26Meta("{\"name\":\"greet\"}", ALL);
            ObjectNode responses = direct.putObject("inputResponses");
            responses.set("user_name", McpJson.parse(NAME));
            responses.set("unknown_extra_key", McpJson.parse("{\"action\":\"accept\",\"content\":{}}"));
            assertThat(text(c.call("tools/call", direct))).isEqualTo("Hello, ann");
        }
    }

    @Test
    void withoutAStateOnlyTheFirstRoundsQuestionsTakeVolunteeredAnswers() {
        try (RawClient c = RawClient.connect(server)) {
            ObjectNode both = RawClient.with26Meta("{\"name\":\"two\"}", ALL);
            ObjectNode responses = both.putObject("inputResponses");
            responses.set("first", McpJson.parse(NAME));
            responses.set("second", McpJson.parse(COLOR));
            JsonNode round2 = c.call("tools/call", both);
            assertThat(round2.get("resultType").asString()).isEqualTo("input_required");
            assertThat(round2.get("inputRequests").propertyNames()).containsExactly("second");
        }
    }

    @Test
    void aRetryWithoutTheExpectedKeyIsAskedAgain() {
        try (RawClient c = RawClient.connect(server)) {
            ObjectNode wrong = RawClient.with26Meta("{\"name\":\"greet\"}", ALL);
            wrong.putObject("inputResponses").set("wrong_key", McpJson.parse(NAME));
            JsonNode again = c.call("tools/call", wrong);
            assertThat(again.get("resultType").asString()).isEqualTo("input_required");
            assertThat(again.get("inputRequests").has("user_name")).isTrue();
        }
    }

    @Test
    void everyRoundNeedsTheSealedState() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode round1 = c.call("tools/call", RawClient.with26Meta("{\"name\":\"two\"}", ALL));
            assertThat(round1.get("inputRequests").propertyNames()).containsExactly("first");

            // an answer to a later round without any state is refused when the handler reaches that question
            ObjectNode forged = RawClient.with26Meta("{\"name\":\"two\"}", ALL);
            forged.put("requestState", round1.get("requestState").asString());
            ObjectNode responses = forged.putObject("inputResponses");
            responses.set("first", McpJson.parse(NAME));
            responses.set("second", McpJson.parse(COLOR)); // not pending in the state: ignored
            JsonNode round2 = c.call("tools/call", forged);
            assertThat(round2.get("resultType").asString()).isEqualTo("input_required");
            assertThat(round2.get("inputRequests").propertyNames()).containsExactly("second");

            // the state of round 2 carries the first answer; answering "second" completes
            ObjectNode retry = RawClient.with26Meta("{\"name\":\"two\"}", ALL);
            retry.put("requestState", round2.get("requestState").asString());
            retry.putObject("inputResponses").set("second", McpJson.parse(COLOR));
            assertThat(text(c.call("tools/call", retry))).isEqualTo("ann+blue");

            // a tampered state is refused
            String state = round2.get("requestState").asString();
            int i = state.length() - 5;
            retry.put(
                    "requestState",
                    state.substring(0, i) + (state.charAt(i) == 'A' ? 'B' : 'A') + state.substring(i + 1));
            assertThat(c.error("tools/call", retry).code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void aNonObjectAnswerIsInvalidParams() {
        try (RawClient c = RawClient.connect(server)) {
            ObjectNode bad = RawClient.with26Meta("{\"name\":\"greet\"}", ALL);
            bad.putObject("inputResponses").put("user_name", 12345);
            assertThat(c.error("tools/call", bad).code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void aMissingCapabilityNamesItInRequiredCapabilities() {
        try (RawClient c = RawClient.connect(server)) {
            var error = c.error("tools/call", RawClient.with26Meta("{\"name\":\"all\"}", "{\"elicitation\":{}}"));
            assertThat(error.code()).isEqualTo(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
            assertThat(error.data().get("requiredCapabilities").get("sampling").isObject())
                    .isTrue();
        }
    }

    @Test
    void aHandshakeEraBatchSendsItsRequestsConcurrently() throws Exception {
        CountDownLatch allThree = new CountDownLatch(3);
        RequestHandler elicit = r -> waitAll(allThree, NAME);
        RequestHandler sample = r -> waitAll(
                allThree, "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"yo\"},\"model\":\"m\"}");
        RequestHandler roots = r -> waitAll(allThree, "{\"roots\":[{\"uri\":\"file:///h\"}]}");
        try (RawClient c = RawClient.connect(
                        server,
                        Map.of("elicitation/create", elicit, "sampling/createMessage", sample, "roots/list", roots))
                .initialize("2025-11-25", ALL)) {
            // each client handler waits until all three requests arrived: sequential asking would time out
            assertThat(text(c.call("tools/call", "{\"name\":\"all\"}")))
                    .startsWith("ann|")
                    .contains("yo")
                    .endsWith("|file:///h");
        }
    }

    private static JsonNode waitAll(CountDownLatch latch, String answer) throws InterruptedException {
        latch.countDown();
        if (!latch.await(5, TimeUnit.SECONDS)) {
            return McpJson.parse("{\"action\":\"decline\"}");
        }
        return McpJson.parse(answer);
    }

    private static String text(JsonNode result) {
        return result.get("content").get(0).get("text").asString();
    }
}
