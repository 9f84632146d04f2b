package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.completion.CompleteRequest;
import dev.jmcp.core.protocol.completion.PromptReference;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The files server as a desktop host runs it ({@code server files --root DIR --stdio}), driven by McpClient. */
@Timeout(60)
class FilesServerStdioTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aSubprocessServesTheFilesOfItsFolderAndNothingElse() throws Exception {
        Files.writeString(root.resolve("readme.md"), "# Hello");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), "guide");
        Files.writeString(outside.resolve("secret.txt"), "TOP SECRET CONTENT");
        Files.createSymbolicLink(root.resolve("link"), outside);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioClientTransport transport = StdioClientTransport.builder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "server",
                        "files",
                        "--root",
                        root.toString(),
                        "--stdio"))
                .build();
        try (McpClient c = McpClient.builder()
                .transport(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            c.connect();
            Map<String, Tool> tools = c.listAllTools().stream().collect(Collectors.toMap(Tool::name, t -> t));
            assertThat(tools.keySet())
                    .containsExactlyInAnyOrder(
                            "list_directory",
                            "read_text_file",
                            "file_info",
                            "search_files",
                            "write_text_file",
                            "delete_file");
            assertThat(tools.get("read_text_file").annotations().readOnlyHint()).isTrue();
            assertThat(tools.get("list_directory")
                            .outputSchema()
                            .get("properties")
                            .has("entries"))
                    .isTrue();

            assertThat(text(c.callTool("read_text_file", Map.of("path", "readme.md"))))
                    .isEqualTo("# Hello");
            CallToolResult listing = c.callTool("list_directory", Map.of());
            assertThat(listing.structuredContent().get("entries").toString()).contains("docs", "readme.md");
            assertThat(c.callTool("search_files", Map.of("glob", "**/*.md"))
                            .structuredContent()
                            .get("paths")
                            .toString())
                    .contains("docs/guide.md");
            CallToolResult written =
                    c.callTool("write_text_file", Map.of("path", "notes/today.txt", "content", "buy milk"));
            assertThat(written.structuredContent().get("size").asLong()).isEqualTo(8);
            assertThat(Files.readString(root.resolve("notes/today.txt"))).isEqualTo("buy milk");
            assertThat(c.callTool("write_text_file", Map.of("path", "readme.md", "content", "x"))
                            .isError())
                    .isTrue();

            String escape = root.relativize(outside.resolve("secret.txt")).toString();
            CallToolResult refused = c.callTool("read_text_file", Map.of("path", escape));
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).contains("outside the sandbox").doesNotContain("TOP SECRET");
            CallToolResult throughLink = c.callTool("read_text_file", Map.of("path", "link/secret.txt"));
            assertThat(throughLink.isError()).isTrue();
            assertThat(text(throughLink)).contains("leads outside the sandbox").doesNotContain("TOP SECRET");
            assertThat(c.callTool(
                                    "read_text_file",
                                    Map.of("path", outside.resolve("secret.txt").toString()))
                            .isError())
                    .isTrue();

            assertThat(((TextResourceContents) c.readResource("sandbox:///docs/guide.md")
                                    .contents()
                                    .get(0))
                            .text())
                    .isEqualTo("guide");
            assertThat(((TextContent) c.getPrompt("review_file", Map.of("path", "readme.md"))
                                    .messages()
                                    .get(0)
                                    .content())
                            .text())
                    .contains("# Hello");
            assertThat(c.complete(CompleteRequest.of(PromptReference.of("review_file"), "path", "do"))
                            .completion()
                            .values())
                    .containsExactly("docs/");
            assertThat(text(c.callTool("delete_file", Map.of("path", "notes/today.txt"))))
                    .isEqualTo("deleted notes/today.txt");
            assertThat(root.resolve("notes/today.txt")).doesNotExist();
        }
        assertThat(transport.onExit()).succeedsWithin(Duration.ofSeconds(15));
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }
}
