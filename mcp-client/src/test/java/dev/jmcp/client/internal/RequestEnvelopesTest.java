package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.HeaderValues;
import dev.jmcp.core.transport.MessageEnvelope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RequestEnvelopesTest {
    private static final ProtocolVersion V26 = ProtocolVersion.V2026_07_28;

    private static final Tool WHERE = Tool.builder(
                    "where",
                    McpJson.parse("{\"type\":\"object\",\"properties\":{"
                            + "\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},"
                            + "\"n\":{\"type\":\"integer\",\"x-mcp-header\":\"N\"},"
                            + "\"on\":{\"type\":\"boolean\",\"x-mcp-header\":\"On\"},"
                            + "\"deep\":{\"type\":\"object\",\"properties\":{"
                            + "\"zone\":{\"type\":\"string\",\"x-mcp-header\":\"Zone\"}}},"
                            + "\"q\":{\"type\":\"string\"}}}"))
            .build();
    private static final Tool INVALID = Tool.builder(
                    "invalid",
                    McpJson.parse("{\"type\":\"object\",\"properties\":{"
                            + "\"s\":{\"type\":\"number\",\"x-mcp-header\":\"Score\"}}}"))
            .build();
    private static final Tool PLAIN =
            Tool.builder("plain", McpJson.parse("{\"type\":\"object\"}")).build();

    private static RequestEnvelopes listed(Tool... tools) {
        RequestEnvelopes envelopes = new RequestEnvelopes();
        envelopes.learn(McpJson.toTree(ListToolsResult.builder(List.of(tools)).build()));
        return envelopes;
    }

    private static JsonNode call(String tool, String arguments) {
        return McpJson.parse("{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
    }

    @Test
    void aToolsCallCarriesMethodNameVersionAndTheAnnotatedArguments() {
        MessageEnvelope e = listed(WHERE, PLAIN)
                .of(
                        McpMethods.TOOLS_CALL,
                        call(
                                "where",
                                "{\"region\":\"eu\",\"n\":42,\"on\":true,\"deep\":{\"zone\":\"z1\"},\"q\":\"x\"}"),
                        V26);
        assertThat(e.method()).isEqualTo("tools/call");
        assertThat(e.name()).isEqualTo("where");
        assertThat(e.protocolVersion()).isEqualTo("2026-07-28");
        assertThat(e.params()).isEqualTo(Map.of("region", "eu", "n", "42", "on", "true", "zone", "z1"));
    }

    @Test
    void absentOrNullArgumentsAreLeftOut() {
        MessageEnvelope e = listed(WHERE).of(McpMethods.TOOLS_CALL, call("where", "{\"region\":null,\"n\":7}"), V26);
        assertThat(e.params()).isEqualTo(Map.of("n", "7"));
    }

    @Test
    void valuesThatAreNotHeaderSafeAreBase64Wrapped() {
        MessageEnvelope e = listed(WHERE).of(McpMethods.TOOLS_CALL, call("wh\u00e9re", "{}"), V26);
        assertThat(e.name()).isEqualTo(HeaderValues.encode("wh\u00e9re")).startsWith("=?base64?");
        MessageEnvelope padded = listed(WHERE).of(McpMethods.TOOLS_CALL, call("where", "{\"region\":\" eu \"}"), V26);
        assertThat(padded.param("Region")).contains("=?base64?IGV1IA==?=");
    }

    @Test
    void aToolNeverListedOrWithInvalidAnnotationsGetsNoParams() {
        RequestEnvelopes envelopes = listed(INVALID, PLAIN);
        assertThat(envelopes
                        .of(McpMethods.TOOLS_CALL, call("where", "{\"region\":\"eu\"}"), V26)
                        .params())
                .isEmpty();
        assertThat(envelopes
                        .of(McpMethods.TOOLS_CALL, call("invalid", "{\"s\":1.5}"), V26)
                        .params())
                .isEmpty();
        assertThat(envelopes
                        .of(McpMethods.TOOLS_CALL, call("plain", "{\"a\":1}"), V26)
                        .name())
                .isEqualTo("plain");
    }

    @Test
    void aRelistingReplacesWhatWasLearned() {
        RequestEnvelopes envelopes = listed(WHERE);
        envelopes.learn(McpJson.toTree(
                ListToolsResult.builder(List.of(Tool.builder("where", McpJson.parse("{\"type\":\"object\"}"))
                                .build()))
                        .build()));
        assertThat(envelopes
                        .of(McpMethods.TOOLS_CALL, call("where", "{\"region\":\"eu\"}"), V26)
                        .params())
                .isEmpty();
    }

    @Test
    void promptsAndResourcesAreNamedByNameAndUri() {
        RequestEnvelopes envelopes = new RequestEnvelopes();
        assertThat(envelopes
                        .of(McpMethods.PROMPTS_GET, McpJson.parse("{\"name\":\"p\"}"), V26)
                        .name())
                .isEqualTo("p");
        assertThat(envelopes
                        .of(McpMethods.RESOURCES_READ, McpJson.parse("{\"uri\":\"file:///a\"}"), V26)
                        .name())
                .isEqualTo("file:///a");
        MessageEnvelope list = envelopes.of(McpMethods.TOOLS_LIST, McpJson.object(), V26);
        assertThat(list.method()).isEqualTo("tools/list");
        assertThat(list.name()).isNull();
        assertThat(list.params()).isEmpty();
    }

    @Test
    void theHandshakeEraMirrorsNothing() {
        MessageEnvelope e = listed(WHERE)
                .of(McpMethods.TOOLS_CALL, call("where", "{\"region\":\"eu\"}"), ProtocolVersion.V2025_11_25);
        assertThat(e).isEqualTo(MessageEnvelope.NONE);
        assertThat(e.mirrored()).isFalse();
    }

    @Test
    void requestsThatNameNothingCarryMethodAndVersion() {
        MessageEnvelope e = RequestEnvelopes.ofMethod(McpMethods.SERVER_DISCOVER, V26);
        assertThat(e.method()).isEqualTo("server/discover");
        assertThat(e.protocolVersion()).isEqualTo("2026-07-28");
        assertThat(e.name()).isNull();
    }
}
