package dev.jmcp.transport.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.Completion;
import dev.jmcp.core.protocol.completion.PromptReference;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitAction;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.elicitation.UrlElicitRequest;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.RequestContext;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.UrlElicitationRequiredException;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input in each era over HTTP: 2026-07-28 handlers of every kind ask through {@code input_required} (never a
 * server-to-client request, never -32042, no {@code elicitationId}); handshake sessions keep their requests and
 * -32042.
 */
@Timeout(30)
class InputEraTest {
    private static final String URL_CAPS = "{\"elicitation\":{\"url\":{},\"form\":{}}}";
    private static final String FORM_CAPS = "{\"elicitation\":{\"form\":{}}}";

    private final AtomicInteger signIns = new AtomicInteger();
    private McpServer server;
    private McpHttpServer http;

    private static String ask(RequestContext ctx) {
        ElicitResult r = ctx.elicit(FormElicitRequest.of(
                "Your name?",
                RequestedSchema.of(Map.of("name", StringSchema.builder().build()), List.of("name"))));
        return r.action() == ElicitAction.ACCEPT ? r.content().get("name").asString() : "nobody";
    }

    @BeforeEach
    void start() {
        server = McpServer.builder()
                .name("input-era")
                .version("1")
                .tool(
                        Tool.builder("needs-sign-in", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            if (signIns.get() == 0) {
                                throw new UrlElicitationRequiredException(
                                        "sign in first",
                                        List.of(UrlElicitRequest.of("Sign in", "el-1", "https://example.com/sign-in")));
                            }
                            return CallToolResult.text("signed in");
                        })
                .tool(
                        Tool.builder("opens-url", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text(
                                ctx.elicit(UrlElicitRequest.of("Open", "el-2", "https://example.com/open"))
                                        .action()
                                        .wire()))
                .tool(
                        Tool.builder("greet", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text("hello " + ask(ctx)))
                .prompt(new ServerPrompt(
                        Prompt.builder("greeting")
                                .arguments(List.of(PromptArgument.optional("style", null)))
                                .build(),
                        (req, ctx) -> GetPromptResult.of(
                                null, List.of(PromptMessage.of(Role.USER, TextContent.of("hello " + ask(ctx))))),
                        (req, ctx) -> Completion.of(List.of(req.value() + "-" + ask(ctx)))))
                .resource(
                        Resource.builder("test://me", "me").build(),
                        (req, ctx) -> ReadResourceResult.of(
                                List.of(TextResourceContents.of("test://me", "text/plain", ask(ctx)))))
                .build();
        http = McpHttpServer.builder(server).port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void urlElicitationRequiredBecomesInputRequiredWithoutElicitationIdIn2026() throws Exception {
        List<JsonNode> first = Wire.exchange26(
                http.uri(), "tools/call", Wire.params26("{\"name\":\"needs-sign-in\",\"arguments\":{}}", URL_CAPS));
        JsonNode result = Wire.response(first).get("result");
        assertThat(Wire.response(first).has("error")).isFalse();
        assertThat(result.get("resultType").asString()).isEqualTo("input_required");
        Map.Entry<String, JsonNode> asked =
                result.get("inputRequests").properties().iterator().next();
        assertThat(asked.getValue().get("method").asString()).isEqualTo("elicitation/create");
        assertThat(asked.getValue().get("params").get("mode").asString()).isEqualTo("url");
        assertThat(asked.getValue().get("params").get("url").asString()).isEqualTo("https://example.com/sign-in");
        assertThat(asked.getValue().get("params").has("elicitationId")).isFalse();

        signIns.incrementAndGet(); // the user completed the interaction; the client retries with its answer
        ObjectNode retry = Wire.params26("{\"name\":\"needs-sign-in\",\"arguments\":{}}", URL_CAPS);
        retry.putObject("inputResponses").set(asked.getKey(), McpJson.parse("{\"action\":\"accept\"}"));
        retry.set("requestState", result.get("requestState"));
        JsonNode done = Wire.response(Wire.exchange26(http.uri(), "tools/call", retry));
        assertThat(done.get("result").get("resultType").asString()).isEqualTo("complete");
        assertThat(done.get("result").get("content").get(0).get("text").asString())
                .isEqualTo("signed in");
    }

    @Test
    void urlElicitationRequiredStillAnswersMinus32042InA2025Session() throws Exception {
        Wire.Session s = Wire.Session.open(http.uri(), "2025-11-25", URL_CAPS);
        JsonNode r = s.call("tools/call", "{\"name\":\"needs-sign-in\",\"arguments\":{}}");
        assertThat(r.get("error").get("code").intValue()).isEqualTo(-32042);
        assertThat(r.get("error")
                        .get("data")
                        .get("elicitations")
                        .get(0)
                        .get("elicitationId")
                        .asString())
                .isEqualTo("el-1");
    }

    @Test
    void urlElicitationRequiredFromAnInterceptorIsNotMinus32042In2026() throws Exception {
        try (McpServer guarded = McpServer.builder()
                        .name("guarded")
                        .version("1")
                        .interceptor((call, chain) -> {
                            throw new UrlElicitationRequiredException(
                                    "sign in first",
                                    List.of(UrlElicitRequest.of("Sign in", "el-9", "https://example.com/in")));
                        })
                        .tool(
                                Tool.builder("t", McpJson.parse("{\"type\":\"object\"}"))
                                        .build(),
                                (req, ctx) -> CallToolResult.text("ok"))
                        .build();
                McpHttpServer guardedHttp =
                        McpHttpServer.builder(guarded).port(0).start()) {
            JsonNode r = Wire.call26(guardedHttp.uri(), "tools/call", "{\"name\":\"t\",\"arguments\":{}}", URL_CAPS);
            assertThat(r.get("error").get("code").intValue())
                    .isNotEqualTo(-32042)
                    .isEqualTo(-32603);
            JsonNode legacy = Wire.Session.open(guardedHttp.uri(), "2025-11-25", URL_CAPS)
                    .call("tools/call", "{\"name\":\"t\",\"arguments\":{}}");
            assertThat(legacy.get("error").get("code").intValue()).isEqualTo(-32042);
        }
    }

    @Test
    void handlerUrlElicitationOmitsElicitationIdIn2026() throws Exception {
        JsonNode r = Wire.call26(http.uri(), "tools/call", "{\"name\":\"opens-url\",\"arguments\":{}}", URL_CAPS);
        JsonNode asked = r.get("result")
                .get("inputRequests")
                .properties()
                .iterator()
                .next()
                .getValue();
        assertThat(asked.get("params").get("url").asString()).isEqualTo("https://example.com/open");
        assertThat(asked.get("params").has("elicitationId")).isFalse();
    }

    @Test
    void everyHandlerKindAsksThroughInputRequiredIn2026AndSendsNoRequest() throws Exception {
        Map<String, String> calls = Map.of(
                "tools/call", "{\"name\":\"greet\",\"arguments\":{}}",
                "prompts/get", "{\"name\":\"greeting\"}",
                "resources/read", "{\"uri\":\"test://me\"}",
                "completion/complete",
                        "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greeting\"},"
                                + "\"argument\":{\"name\":\"style\",\"value\":\"po\"}}");
        for (Map.Entry<String, String> c : calls.entrySet()) {
            List<JsonNode> messages = Wire.exchange26(http.uri(), c.getKey(), Wire.params26(c.getValue(), FORM_CAPS));
            assertThat(messages)
                    .as("%s sends no server-to-client request", c.getKey())
                    .noneMatch(m -> m.has("method") && m.has("id"));
            JsonNode result = Wire.response(messages).get("result");
            assertThat(result).as(c.getKey()).isNotNull();
            assertThat(result.get("resultType").asString()).as(c.getKey()).isEqualTo("input_required");
            String key =
                    result.get("inputRequests").properties().iterator().next().getKey();

            ObjectNode retry = Wire.params26(c.getValue(), FORM_CAPS);
            retry.putObject("inputResponses")
                    .set(key, McpJson.parse("{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}"));
            retry.set("requestState", result.get("requestState"));
            JsonNode done = Wire.response(Wire.exchange26(http.uri(), c.getKey(), retry))
                    .get("result");
            assertThat(done.get("resultType").asString()).as(c.getKey()).isEqualTo("complete");
            assertThat(McpJson.write(done)).as(c.getKey()).contains("Ada");
        }
    }

    @Test
    void completionAsksTheClientDirectlyInAHandshakeSession() {
        AtomicInteger asked = new AtomicInteger();
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .elicitation(request -> {
                    asked.incrementAndGet();
                    return ElicitResult.accept(Map.of("name", McpJson.parse("\"Bob\"")));
                })
                .build()) {
            client.connect();
            Completion c = client.complete(CompleteRequest.of(new PromptReference("greeting", null), "style", "po"))
                    .completion();
            assertThat(c.values()).containsExactly("po-Bob");
            assertThat(asked).hasValue(1);
        }
    }
}
