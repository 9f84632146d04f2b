package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InputTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");
    final AtomicInteger sideEffects = new AtomicInteger();

    final McpServer server = McpServer.builder()
            .tool(Tool.builder("ask", EMPTY).description("elicits twice").build(), (req, ctx) -> {
                RequestedSchema schema = RequestedSchema.of(
                        Map.of("username", StringSchema.builder().build()), List.of("username"));
                ElicitResult first = ctx.elicit(FormElicitRequest.of("who are you?", schema));
                ElicitResult second = ctx.elicit(FormElicitRequest.of("really?", schema));
                sideEffects.incrementAndGet();
                return CallToolResult.text(first.action().wire() + ":"
                        + first.content().get("username").asString() + "/"
                        + second.action().wire());
            })
            .tool(Tool.builder("sample", EMPTY).description("samples").build(), (req, ctx) -> {
                CreateMessageResult r = ctx.sample(
                        CreateMessageRequest.builder(List.of(SamplingMessage.of(Role.USER, TextContent.of("hi"))), 100)
                                .build());
                return CallToolResult.text("LLM said: " + McpJson.write(r.content()));
            })
            .tool(
                    Tool.builder("roots", EMPTY).description("lists roots").build(),
                    (req, ctx) -> CallToolResult.text(ctx.roots().get(0).uri()))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    static Map<String, RequestHandler> clientHandlers() {
        return Map.of(
                "elicitation/create", r -> McpJson.parse("{\"action\":\"accept\",\"content\":{\"username\":\"ann\"}}"),
                "sampling/createMessage",
                        r -> McpJson.parse(
                                "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"pong\"},\"model\":\"m\"}"),
                "roots/list", r -> McpJson.parse("{\"roots\":[{\"uri\":\"file:///home\"}]}"));
    }

    @Test
    void handshakeEraElicitSampleAndRootsAreServerToClientRequests() {
        try (RawClient c = RawClient.connect(server, clientHandlers())
                .initialize("2025-11-25", "{\"elicitation\":{},\"sampling\":{},\"roots\":{}}")) {
            assertThat(c.call("tools/call", "{\"name\":\"ask\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("accept:ann/accept");
            assertThat(c.call("tools/call", "{\"name\":\"sample\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .contains("pong");
            assertThat(c.call("tools/call", "{\"name\":\"roots\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("file:///home");
        }
    }

    @Test
    void handshakeEraInputWithoutTheCapabilityIsAClearToolError() {
        try (RawClient c = RawClient.connect(server, clientHandlers()).initialize("2025-11-25", "{}")) {
            JsonNode r = c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(r.get("isError").asBoolean()).isTrue();
            assertThat(r.get("content").get(0).get("text").asString()).contains("elicitation");
        }
    }

    @Test
    void statelessElicitationRoundTripsThroughInputRequired() {
        try (RawClient c = RawClient.connect(server)) {
            String caps = "{\"elicitation\":{}}";
            JsonNode first = c.call("tools/call", RawClient.with26Meta("{\"name\":\"ask\",\"arguments\":{}}", caps));
            assertThat(first.get("resultType").asString()).isEqualTo("input_required");
            JsonNode req0 = first.get("inputRequests").get("input-0");
            assertThat(req0.get("method").asString()).isEqualTo("elicitation/create");
            assertThat(req0.get("params").get("message").asString()).isEqualTo("who are you?");

            JsonNode second = c.call("tools/call", retry(first, "input-0", caps));
            assertThat(second.get("resultType").asString()).isEqualTo("input_required");
            assertThat(second.get("inputRequests").has("input-1")).isTrue();
            assertThat(sideEffects.get()).isZero();

            JsonNode done = c.call("tools/call", retry(second, "input-1", caps));
            assertThat(done.get("resultType").asString()).isEqualTo("complete");
            assertThat(done.get("content").get(0).get("text").asString()).isEqualTo("accept:ann/accept");
            assertThat(sideEffects.get()).isEqualTo(1);
        }
    }

    @Test
    void tamperedOrMismatchedRequestStateIsRefused() {
        try (RawClient c = RawClient.connect(server)) {
            String caps = "{\"elicitation\":{}}";
            JsonNode first = c.call("tools/call", RawClient.with26Meta("{\"name\":\"ask\",\"arguments\":{}}", caps));
            ObjectNode tampered = retry(first, "input-0", caps);
            String state = tampered.get("requestState").asString();
            char flip = state.charAt(3) == 'A' ? 'B' : 'A';
            tampered.put("requestState", state.substring(0, 3) + flip + state.substring(4));
            assertThat(c.error("tools/call", tampered).code()).isEqualTo(ErrorCodes.INVALID_PARAMS);

            ObjectNode otherArgs = retry(first, "input-0", caps);
            otherArgs.putObject("arguments").put("x", 1);
            assertThat(c.error("tools/call", otherArgs).message()).contains("another request");

            // a valid state without the awaited answer is asked again, not refused
            ObjectNode missingAnswer = retry(first, "input-0", caps);
            missingAnswer.remove("inputResponses");
            JsonNode again = c.call("tools/call", missingAnswer);
            assertThat(again.get("resultType").asString()).isEqualTo("input_required");
            assertThat(again.get("inputRequests").has("input-0")).isTrue();

            ObjectNode garbage = retry(first, "input-0", caps);
            garbage.put("requestState", "not-a-state");
            assertThat(c.error("tools/call", garbage).code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        }
    }

    @Test
    void statelessInputWithoutTheCapabilityIsMissingCapabilityError() {
        try (RawClient c = RawClient.connect(server)) {
            assertThat(c.error("tools/call", RawClient.with26Meta("{\"name\":\"sample\"}", "{}"))
                            .code())
                    .isEqualTo(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY);
        }
    }

    @Test
    void statelessSamplingAndRootsUseInputRequiredToo() {
        try (RawClient c = RawClient.connect(server)) {
            String caps = "{\"sampling\":{},\"roots\":{}}";
            JsonNode first = c.call("tools/call", RawClient.with26Meta("{\"name\":\"roots\"}", caps));
            assertThat(first.get("inputRequests").get("input-0").get("method").asString())
                    .isEqualTo("roots/list");
            ObjectNode retry = RawClient.with26Meta("{\"name\":\"roots\"}", caps);
            retry.put("requestState", first.get("requestState").asString());
            retry.putObject("inputResponses").set("input-0", McpJson.parse("{\"roots\":[{\"uri\":\"file:///r\"}]}"));
            assertThat(c.call("tools/call", retry)
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("file:///r");
        }
    }

    private static ObjectNode retry(JsonNode previous, String key, String caps) {
        ObjectNode p = RawClient.with26Meta("{\"name\":\"ask\",\"arguments\":{}}", caps);
        p.put("requestState", previous.get("requestState").asString());
        p.putObject("inputResponses")
                .set(key, McpJson.parse("{\"action\":\"accept\",\"content\":{\"username\":\"ann\"}}"));
        return p;
    }
}
