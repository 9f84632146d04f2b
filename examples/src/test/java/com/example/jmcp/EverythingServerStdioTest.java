package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The everything-server as a subprocess ({@code server everything --stdio}) driven by McpClient. */
class EverythingServerStdioTest {
    @Test
    void subprocessServesToolsResourcesAndPrompts() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioClientTransport transport = StdioClientTransport.builder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "server",
                        "everything",
                        "--stdio"))
                .build();
        try (McpClient c = McpClient.builder()
                .transport(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            c.connect();
            assertThat(c.listAllTools()).hasSizeGreaterThan(10);
            assertThat(((TextContent) c.callTool("test_simple_text", Map.of())
                                    .content()
                                    .get(0))
                            .text())
                    .contains("simple text");
            assertThat(((TextResourceContents) c.readResource("test://static-text")
                                    .contents()
                                    .get(0))
                            .text())
                    .contains("static text resource");
            assertThat(c.getPrompt("test_prompt_with_image", Map.of()).messages())
                    .hasSize(2);
        }
        assertThat(transport.onExit()).succeedsWithin(Duration.ofSeconds(15));
    }
}
