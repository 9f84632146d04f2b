package dev.jmcp.transport.http.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.AudioContent;
import dev.jmcp.core.protocol.content.ResourceLink;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.roots.Root;
import dev.jmcp.core.protocol.sampling.CreateMessageRequest;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.sampling.SamplingMessage;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ServerPrompt;
import dev.jmcp.server.ServerSession;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** {@code notifications/roots/list_changed} reaches the application; content blocks fit the peer's revision. */
@Timeout(30)
class RootsAndContentTest {
    private final LinkedBlockingQueue<ServerSession> rootsChanged = new LinkedBlockingQueue<>();
    private McpServer server;
    private McpHttpServer http;

    @BeforeEach
    void start() {
        ResourceLink link = ResourceLink.of(Resource.builder("test://doc", "doc")
                .icons(List.of(Icon.of("https://example.com/doc.png")))
                .build());
        server = McpServer.builder()
                .name("content")
                .version("1")
                .onRootsListChanged(rootsChanged::add)
                .tool(
                        Tool.builder("media", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.of(
                                List.of(TextContent.of("hi"), AudioContent.of("AAAA", "audio/wav"), link)))
                .tool(
                        Tool.builder("describe-sound", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text(ctx.sample(CreateMessageRequest.builder(
                                                List.of(SamplingMessage.of(
                                                        Role.USER, AudioContent.of("AAAA", "audio/wav"))),
                                                20)
                                        .build())
                                .model()))
                .prompt(new ServerPrompt(
                        Prompt.builder("listen").build(),
                        (req, ctx) -> GetPromptResult.of(
                                null, List.of(PromptMessage.of(Role.USER, AudioContent.of("AAAA", "audio/wav"))))))
                .build();
        http = McpHttpServer.builder(server).port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void rootsListChangedReachesTheServerListener() throws Exception {
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2025_11_25)
                .requestTimeout(Duration.ofSeconds(10))
                .roots(() -> List.of(Root.of("file:///work", "work")))
                .build()) {
            client.connect();
            client.notifyRootsListChanged();
            ServerSession session = rootsChanged.poll(10, TimeUnit.SECONDS);
            assertThat(session).as("the listener was called").isNotNull();
            assertThat(server.sessions()).contains(session);
        }
    }

    @Test
    void samplingContentIsDowngradedForAnOlderClient() {
        LinkedBlockingQueue<CreateMessageRequest> asked = new LinkedBlockingQueue<>();
        try (McpClient client = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(ProtocolVersion.V2024_11_05)
                .requestTimeout(Duration.ofSeconds(10))
                .sampling(request -> {
                    asked.add(request);
                    return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("a beep"), "m1", "endTurn");
                })
                .build()) {
            client.connect();
            assertThat(client.callTool("describe-sound", java.util.Map.of()).failed())
                    .isFalse();
            CreateMessageRequest request = asked.poll();
            assertThat(request).isNotNull();
            assertThat(McpJson.write(McpJson.toTree(request)))
                    .contains("\"type\":\"text\"")
                    .doesNotContain("\"audio\"");
        }
    }

    @Test
    void newerContentBlocksAreDowngradedForOlderPeers() throws Exception {
        JsonNode v2024 = Wire.Session.open(http.uri(), "2024-11-05", "{}")
                .call("tools/call", "{\"name\":\"media\",\"arguments\":{}}")
                .get("result")
                .get("content");
        assertThat(v2024).hasSize(3);
        assertThat(v2024.get(1).get("type").asString()).isEqualTo("text");
        assertThat(v2024.get(1).get("text").asString()).contains("audio/wav");
        assertThat(v2024.get(2).get("type").asString()).isEqualTo("text");
        assertThat(v2024.get(2).get("text").asString()).contains("test://doc");

        JsonNode v2025 = Wire.Session.open(http.uri(), "2025-06-18", "{}")
                .call("tools/call", "{\"name\":\"media\",\"arguments\":{}}")
                .get("result")
                .get("content");
        assertThat(v2025.get(1).get("type").asString()).isEqualTo("audio");
        assertThat(v2025.get(2).get("type").asString()).isEqualTo("resource_link");
        assertThat(v2025.get(2).has("icons")).isFalse();

        JsonNode latest = Wire.Session.open(http.uri(), "2025-11-25", "{}")
                .call("tools/call", "{\"name\":\"media\",\"arguments\":{}}")
                .get("result")
                .get("content");
        assertThat(latest.get(2).get("icons").get(0).get("src").asString()).isEqualTo("https://example.com/doc.png");

        JsonNode prompt = Wire.Session.open(http.uri(), "2024-11-05", "{}")
                .call("prompts/get", "{\"name\":\"listen\"}")
                .get("result")
                .get("messages")
                .get(0)
                .get("content");
        assertThat(prompt.get("type").asString()).isEqualTo("text");
    }
}
