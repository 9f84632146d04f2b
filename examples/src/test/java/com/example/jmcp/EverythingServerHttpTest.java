package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.server.EverythingServer;
import com.example.jmcp.server.Serving;
import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.content.ImageContent;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.elicitation.ElicitResult;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.resources.BlobResourceContents;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The everything-server on embedded Jetty (loopback, free port), driven by McpClient in both eras. */
class EverythingServerHttpTest {
    static McpServer server;
    static McpHttpServer http;

    @BeforeAll
    static void start() {
        server = EverythingServer.create();
        http = Serving.http(server, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    static McpClient client(ProtocolVersion version, List<String> logs) {
        var b = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .requestTimeout(Duration.ofSeconds(20))
                .sampling(
                        req -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("Paris"), "test-model", "endTurn"))
                .elicitation(req -> ElicitResult.accept(Map.of("name", JsonNodeFactory.instance.stringNode("Ada"))))
                .roots(() -> List.of(Root.of("file:///tmp/project", "project")))
                .onLog(m -> logs.add(McpJson.toTree(m.data()).asString("")));
        if (version != null) {
            b.protocolVersion(version);
        }
        McpClient c = b.build();
        c.connect();
        return c;
    }

    @Test
    void toolsAnswerInTheHandshakeEra() {
        List<String> logs = new CopyOnWriteArrayList<>();
        try (McpClient c = client(ProtocolVersion.V2025_11_25, logs)) {
            assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
            assertThat(c.listAllTools())
                    .extracting(Tool::name)
                    .contains("test_simple_text", "test_tool_with_progress", "json_schema_2020_12_tool");
            assertThat(text(c.callTool("test_simple_text", Map.of())))
                    .isEqualTo("This is a simple text response for testing.");
            assertThat(c.callTool("test_image_content", Map.of()).content().get(0))
                    .isInstanceOf(ImageContent.class);
            assertThat(c.callTool("test_error_handling", Map.of()).failed()).isTrue();

            List<Double> progress = new CopyOnWriteArrayList<>();
            c.callTool(
                    "test_tool_with_progress",
                    McpJson.object(),
                    CallOptions.builder()
                            .progress((done, total, msg) -> progress.add(done))
                            .build());
            assertThat(progress).containsExactly(0.0, 50.0, 100.0);

            c.setLoggingLevel(LoggingLevel.DEBUG);
            c.callTool("test_tool_with_logging", Map.of());
            assertThat(logs).contains("Tool execution started", "Tool execution completed");
        }
    }

    @Test
    void samplingAndElicitationReachTheClient() {
        try (McpClient c = client(ProtocolVersion.V2025_11_25, new CopyOnWriteArrayList<>())) {
            assertThat(text(c.callTool("test_sampling", Map.of("prompt", "Capital of France?"))))
                    .isEqualTo("LLM response: Paris");
            assertThat(text(c.callTool("test_elicitation", Map.of("message", "Who are you?"))))
                    .contains("action=accept");
        }
    }

    @Test
    void resourcesListReadAndExpandTemplates() {
        try (McpClient c = client(ProtocolVersion.V2025_11_25, new CopyOnWriteArrayList<>())) {
            assertThat(c.listAllResources())
                    .extracting(Resource::uri)
                    .contains("test://static-text", "test://static-binary", "test://watched-resource");
            TextResourceContents text = (TextResourceContents)
                    c.readResource("test://static-text").contents().get(0);
            assertThat(text.text()).isEqualTo("This is the content of the static text resource.");
            BlobResourceContents blob = (BlobResourceContents)
                    c.readResource("test://static-binary").contents().get(0);
            assertThat(blob.mimeType()).isEqualTo("image/png");
            TextResourceContents templated = (TextResourceContents)
                    c.readResource("test://template/123/data").contents().get(0);
            assertThat(templated.text()).contains("\"id\":\"123\"");
            c.subscribeResource("test://watched-resource");
            c.unsubscribeResource("test://watched-resource");
        }
    }

    @Test
    void promptsRenderArgumentsAndComplete() {
        try (McpClient c = client(ProtocolVersion.V2025_11_25, new CopyOnWriteArrayList<>())) {
            GetPromptResult p = c.getPrompt("test_prompt_with_arguments", Map.of("arg1", "one", "arg2", "two"));
            assertThat(((TextContent) p.messages().get(0).content()).text()).contains("arg1='one'", "arg2='two'");
            assertThat(c.getPrompt("test_simple_prompt", Map.of()).messages()).isNotEmpty();
            var completion = c.complete(McpJson.fromTree(
                    McpJson.parse("{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"test_prompt_with_arguments\"},"
                            + "\"argument\":{\"name\":\"arg1\",\"value\":\"test\"}}"),
                    CompleteRequest.class));
            assertThat(completion.completion().values()).contains("testValue1");
        }
    }

    @Test
    void statelessEraRetriesInputRequiredCalls() {
        try (McpClient c = client(null, new CopyOnWriteArrayList<>())) {
            assertThat(c.protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
            assertThat(text(c.callTool("test_input_required_result_multi_round", Map.of())))
                    .contains("step1: action=accept", "step2: action=accept");
            assertThat(text(c.callTool("test_input_required_result_sampling", Map.of())))
                    .isEqualTo("LLM said: Paris");
            assertThat(text(c.callTool("test_input_required_result_list_roots", Map.of())))
                    .contains("file:///tmp/project");
        }
    }

    @Test
    void cliListsToolsAndReportsToolErrorsByExitCode() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        String url = http.uri().toString();
        assertThat(cli(buf, "client", "--http", url, "tools", "list", "--json")).isZero();
        assertThat(cli(buf, "client", "--http", url, "tools", "call", "test_error_handling"))
                .isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8))
                .contains("\"test_simple_text\"", "intentionally returns an error");
    }

    @Test
    void cliReadsResourcesAndRendersPrompts() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        String url = http.uri().toString();
        assertThat(cli(buf, "client", "--http", url, "resources", "list", "--json"))
                .isZero();
        assertThat(cli(buf, "client", "--http", url, "resources", "read", "test://static-text"))
                .isZero();
        String args = "{\"arg1\":\"one\",\"arg2\":\"two\"}";
        assertThat(cli(buf, "client", "--http", url, "prompts", "get", "test_prompt_with_arguments", "--args", args))
                .isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8))
                .contains("test://static-binary", "This is the content of the static text resource.", "arg1='one'");
    }

    /** Runs the example CLI with {@code args}, its standard output going to {@code out}; returns the exit code. */
    private static int cli(ByteArrayOutputStream out, String... args) {
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(old);
        }
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }
}
