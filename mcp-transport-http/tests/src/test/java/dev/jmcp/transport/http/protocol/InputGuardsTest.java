package dev.jmcp.transport.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.elicitation.FormElicitRequest;
import dev.jmcp.core.protocol.elicitation.NumberSchema;
import dev.jmcp.core.protocol.elicitation.RequestedSchema;
import dev.jmcp.core.protocol.elicitation.StringSchema;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.IncludeContext;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
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

/**
 * What a handler asks the client is checked first: {@code includeContext} needs {@code sampling.context}, and an
 * elicitation schema must keep to the spec's restricted shapes; both eras, over HTTP.
 */
@Timeout(30)
class InputGuardsTest {
    private McpServer server;
    private McpHttpServer http;
    private final AtomicInteger clientAsked = new AtomicInteger();

    @BeforeEach
    void start() {
        server = McpServer.builder()
                .name("guards")
                .version("1")
                .tool(
                        Tool.builder("summarize", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            CreateMessageResult r = ctx.sample(CreateMessageRequest.builder(
                                            List.of(SamplingMessage.of(Role.USER, TextContent.of("summarize"))), 50)
                                    .includeContext(IncludeContext.THIS_SERVER)
                                    .build());
                            return CallToolResult.text("sampled " + r.model());
                        })
                .tool(
                        Tool.builder("phone", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            ctx.elicit(FormElicitRequest.of(
                                    "Your phone?",
                                    RequestedSchema.of(
                                            Map.of(
                                                    "phone",
                                                    StringSchema.builder()
                                                            .format("phone")
                                                            .build()),
                                            null)));
                            return CallToolResult.text("unreachable");
                        })
                .tool(
                        Tool.builder("count", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> {
                            ctx.elicit(FormElicitRequest.of(
                                    "How many?",
                                    RequestedSchema.of(
                                            Map.of(
                                                    "n",
                                                    NumberSchema.builder("string")
                                                            .build()),
                                            null)));
                            return CallToolResult.text("unreachable");
                        })
                .build();
        http = McpHttpServer.builder(server).port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private static String text(JsonNode result) {
        return result.get("content").get(0).get("text").asString();
    }

    @Test
    void includeContextWithoutSamplingContextIsMissingCapabilityIn2026() throws Exception {
        JsonNode refused =
                Wire.call26(http.uri(), "tools/call", "{\"name\":\"summarize\",\"arguments\":{}}", "{\"sampling\":{}}");
        assertThat(refused.get("error").get("code").intValue()).isEqualTo(-32021);
        assertThat(refused.get("error")
                        .get("data")
                        .get("requiredCapabilities")
                        .get("sampling")
                        .has("context"))
                .isTrue();

        JsonNode asked = Wire.call26(
                        http.uri(),
                        "tools/call",
                        "{\"name\":\"summarize\",\"arguments\":{}}",
                        "{\"sampling\":{\"context\":{}}}")
                .get("result");
        assertThat(asked.get("resultType").asString()).isEqualTo("input_required");
        JsonNode params = asked.get("inputRequests")
                .properties()
                .iterator()
                .next()
                .getValue()
                .get("params");
        assertThat(params.get("includeContext").asString()).isEqualTo("thisServer");
    }

    @Test
    void includeContextIsNotSentToAHandshakeClientWithoutSamplingContext() {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .sampling(request -> {
                    clientAsked.incrementAndGet();
                    return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("s"), "m", "endTurn");
                })
                .build()) {
            client.connect();
            CallToolResult r = client.callTool("summarize", Map.of());
            assertThat(r.failed()).isTrue();
            assertThat(((TextContent) r.content().get(0)).text()).contains("sampling.context");
            assertThat(clientAsked).hasValue(0);
        }
    }

    @Test
    void elicitationSchemaOutsideTheSpecShapesIsRefusedBeforeItIsSent() throws Exception {
        String caps = "{\"elicitation\":{\"form\":{}}}";
        JsonNode phone = Wire.call26(http.uri(), "tools/call", "{\"name\":\"phone\",\"arguments\":{}}", caps)
                .get("result");
        assertThat(phone.get("resultType").asString()).isEqualTo("complete");
        assertThat(phone.get("isError").asBoolean()).isTrue();
        assertThat(text(phone)).contains("format 'phone'");
        JsonNode count = Wire.call26(http.uri(), "tools/call", "{\"name\":\"count\",\"arguments\":{}}", caps)
                .get("result");
        assertThat(text(count)).contains("type 'string'");

        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .elicitation(request -> {
                    clientAsked.incrementAndGet();
                    return ElicitResult.decline();
                })
                .build()) {
            client.connect();
            CallToolResult r = client.callTool("phone", Map.of());
            assertThat(r.failed()).isTrue();
            assertThat(((TextContent) r.content().get(0)).text()).contains("format 'phone'");
            assertThat(clientAsked).hasValue(0);
        }
    }
}
