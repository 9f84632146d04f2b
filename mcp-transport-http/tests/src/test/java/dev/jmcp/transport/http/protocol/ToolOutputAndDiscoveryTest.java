package dev.jmcp.transport.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * SEP-2106 projection of non-object tool output for 2025 clients, {@code server/discover} as the 2026-07-28 schema
 * has it, and tool names that break the SHOULD-level naming rule, over HTTP.
 */
@Timeout(30)
class ToolOutputAndDiscoveryTest {
    private static final String ARRAY_SCHEMA =
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/n\"},\"$defs\":{\"n\":{\"type\":\"number\"}}}";

    private McpServer server;
    private McpHttpServer http;

    @BeforeEach
    void start() {
        server = McpServer.builder()
                .name("output")
                .version("1")
                .tool(
                        Tool.builder("numbers", McpJson.parse("{\"type\":\"object\"}"))
                                .outputSchema(McpJson.parse(ARRAY_SCHEMA))
                                .build(),
                        (req, ctx) -> CallToolResult.builder()
                                .structuredContent(McpJson.parse("[1,2,3]"))
                                .build())
                .tool(
                        Tool.builder("plain-array", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.builder()
                                .structuredContent(McpJson.parse("[\"a\"]"))
                                .build())
                .tool(
                        Tool.builder("github/create_issue", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text("created"))
                .build();
        http = McpHttpServer.builder(server).port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private static JsonNode tool(JsonNode listResult, String name) {
        for (JsonNode t : listResult.get("tools")) {
            if (name.equals(t.get("name").asString())) {
                return t;
            }
        }
        throw new AssertionError("no tool " + name + " in " + listResult);
    }

    @Test
    void nonObjectOutputIsWrappedAsResultFor2025Clients() throws Exception {
        Wire.Session s = Wire.Session.open(http.uri(), "2025-11-25", "{}");
        JsonNode schema =
                tool(s.call("tools/list", "{}").get("result"), "numbers").get("outputSchema");
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("required")).containsExactly(McpJson.parse("\"result\""));
        assertThat(schema.get("properties").get("result").get("type").asString())
                .isEqualTo("array");
        assertThat(schema.get("$defs").has("n"))
                .as("$defs move to the wrapper's root")
                .isTrue();

        JsonNode result =
                s.call("tools/call", "{\"name\":\"numbers\",\"arguments\":{}}").get("result");
        assertThat(result.get("structuredContent")).isEqualTo(McpJson.parse("{\"result\":[1,2,3]}"));
        assertThat(result.get("content").get(0).get("text").asString()).isEqualTo("[1,2,3]");

        JsonNode plain = s.call("tools/call", "{\"name\":\"plain-array\",\"arguments\":{}}")
                .get("result");
        assertThat(plain.has("structuredContent"))
                .as("no schema: the text block carries it")
                .isFalse();
        assertThat(plain.get("content").get(0).get("text").asString()).isEqualTo("[\"a\"]");
    }

    @Test
    void nonObjectOutputIsSentUnchangedTo2026Clients() throws Exception {
        JsonNode schema = tool(Wire.call26(http.uri(), "tools/list", "{}", "{}").get("result"), "numbers")
                .get("outputSchema");
        assertThat(schema).isEqualTo(McpJson.parse(ARRAY_SCHEMA));
        JsonNode result = Wire.call26(http.uri(), "tools/call", "{\"name\":\"numbers\",\"arguments\":{}}", "{}")
                .get("result");
        assertThat(result.get("structuredContent")).isEqualTo(McpJson.parse("[1,2,3]"));
        assertThat(result.get("content").get(0).get("text").asString()).isEqualTo("[1,2,3]");
    }

    @Test
    void handshakeClientValidatesTheWrappedOutput() {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .build()) {
            client.connect();
            client.listAllTools();
            CallToolResult r = client.callTool("numbers", Map.of());
            assertThat(r.failed()).isFalse();
            assertThat(r.structuredContent()).isEqualTo(McpJson.parse("{\"result\":[1,2,3]}"));
        }
    }

    @Test
    void discoverListsOnlyTheRevisionsMetaAcceptsAndNoTopLevelServerInfo() throws Exception {
        JsonNode r = Wire.call26(http.uri(), "server/discover", "{}", "{}").get("result");
        assertThat(r.get("supportedVersions")).containsExactly(McpJson.parse("\"2026-07-28\""));
        assertThat(r.has("serverInfo")).isFalse();
        assertThat(r.get("_meta")
                        .get("io.modelcontextprotocol/serverInfo")
                        .get("name")
                        .asString())
                .isEqualTo("output");
    }

    @Test
    void toolNameBreakingTheNamingRuleIsRegisteredAndCallable() throws Exception {
        JsonNode listed = tool(Wire.call26(http.uri(), "tools/list", "{}", "{}").get("result"), "github/create_issue");
        assertThat(listed).isNotNull();
        JsonNode r = Wire.call26(http.uri(), "tools/call", "{\"name\":\"github/create_issue\",\"arguments\":{}}", "{}");
        assertThat(((TextContent)
                                McpJson.fromTree(r.get("result").get("content").get(0), TextContent.class))
                        .text())
                .isEqualTo("created");
    }
}
