package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.NumberSchema;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ElicitationTest {
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    final AtomicReference<ElicitAnswer> seen = new AtomicReference<>();

    final McpServer server = McpServer.builder()
            .tool(
                    Tool.builder("ask", EMPTY)
                            .description("asks for a name and an age")
                            .build(),
                    (req, ctx) -> {
                        Map<String, dev.jmcp.core.protocol.elicitation.PrimitiveSchemaDefinition> props =
                                new LinkedHashMap<>();
                        props.put("name", StringSchema.builder().build());
                        props.put("age", NumberSchema.integer("Age"));
                        ElicitAnswer answer = ctx.elicitForm(FormElicitRequest.of(
                                "Who are you?", RequestedSchema.of(props, List.of("name", "age"))));
                        seen.set(answer);
                        return CallToolResult.text("valid=" + answer.isValid());
                    })
            .tool(
                    Tool.builder("needs_login", EMPTY)
                            .description("needs a URL elicitation")
                            .build(),
                    (req, ctx) -> {
                        throw new UrlElicitationRequiredException(
                                "Authorization required",
                                List.of(UrlElicitRequest.of("Sign in", "el-1", "https://example.com/login")));
                    })
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    private RawClient clientAnswering(String contentJson) {
        RequestHandler h = r -> McpJson.parse("{\"action\":\"accept\",\"content\":" + contentJson + "}");
        return RawClient.connect(server, Map.of("elicitation/create", h))
                .initialize("2025-11-25", "{\"elicitation\":{\"form\":{},\"url\":{}}}");
    }

    @Test
    void aConformingAnswerIsValid() {
        try (RawClient c = clientAnswering("{\"name\":\"Ann\",\"age\":30}")) {
            JsonNode r = c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("valid=true");
            assertThat(seen.get().isAcceptedAndValid()).isTrue();
            assertThat(seen.get().content().get("age").asInt()).isEqualTo(30);
        }
    }

    @Test
    void aNonConformingAnswerIsReturnedWithItsValidationErrorsAndDoesNotFailTheTool() {
        try (RawClient c = clientAnswering("{\"name\":\"Ann\",\"age\":\"old\"}")) {
            JsonNode r = c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(r.has("isError") && r.get("isError").asBoolean()).isFalse();
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("valid=false");
            assertThat(seen.get().isAccepted()).isTrue();
            assertThat(seen.get().validationErrors()).isNotEmpty();
            assertThat(String.join(" ", seen.get().validationErrors())).contains("age");
        }
    }

    @Test
    void aMissingRequiredFieldIsAValidationError() {
        try (RawClient c = clientAnswering("{\"name\":\"Ann\"}")) {
            c.call("tools/call", "{\"name\":\"ask\"}");
            assertThat(seen.get().isValid()).isFalse();
        }
    }

    @Test
    void urlElicitationRequiredIsAJsonRpcErrorCarryingTheElicitations() {
        try (RawClient c = clientAnswering("{}")) {
            JsonRpcError e = c.error("tools/call", "{\"name\":\"needs_login\"}");
            assertThat(e.code()).isEqualTo(ErrorCodes.URL_ELICITATION_REQUIRED);
            JsonNode el = e.data().get("elicitations").get(0);
            assertThat(el.get("mode").asString()).isEqualTo("url");
            assertThat(el.get("elicitationId").asString()).isEqualTo("el-1");
            assertThat(el.get("url").asString()).isEqualTo("https://example.com/login");
        }
    }

    @Test
    void completeUrlElicitationNotifiesThatSessionsClient() {
        try (RawClient c = clientAnswering("{}")) {
            assertThat(c.serverSession.completeUrlElicitation("el-1")).isTrue();
            List<JsonNode> n = c.awaitNotifications("notifications/elicitation/complete", 1);
            assertThat(n).hasSize(1);
            assertThat(n.get(0).get("params").get("elicitationId").asString()).isEqualTo("el-1");
        }
    }

    @Test
    void completeUrlElicitationIsRefusedBefore2025_11_25() {
        try (RawClient c = RawClient.connect(server).initialize("2025-06-18", "{\"elicitation\":{}}")) {
            assertThat(c.serverSession.completeUrlElicitation("el-1")).isFalse();
        }
    }
}
