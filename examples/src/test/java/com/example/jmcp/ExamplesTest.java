package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.server.NotesServer;
import com.example.jmcp.server.TypedToolsServer;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo command, and the notes and typed-tool servers over an in-memory transport. */
class ExamplesTest {
    @Test
    void demoRunsServerAndClientAndExitsZero() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run("demo");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("call    test_simple_text", "read    test://static-text", "demo    done");
    }

    @Test
    void notesServerSavesAndServesNotes() {
        try (McpServer server = NotesServer.create();
                McpClient c = connect(server)) {
            c.callTool("add_note", Map.of("title", "groceries", "text", "milk"));
            assertThat(text(c.callTool("search_notes", Map.of("query", "milk"))))
                    .isEqualTo("groceries");
            assertThat(((TextResourceContents) c.readResource("notes://note/groceries")
                                    .contents()
                                    .get(0))
                            .text())
                    .isEqualTo("milk");
            assertThat(c.callTool("delete_note", Map.of("title", "nope")).failed())
                    .isTrue();
            assertThat(c.getPrompt("summarize_notes", Map.of()).messages()).hasSize(1);
        }
    }

    @Test
    void typedToolsReturnStructuredContent() {
        try (McpServer server = TypedToolsServer.create();
                McpClient c = connect(server)) {
            CallToolResult r = c.callTool("convert_temperature", Map.of("value", 212, "from", "F"));
            assertThat(r.structuredContent().get("celsius").asDouble()).isEqualTo(100.0);
            assertThat(c.callTool("word_stats", Map.of("text", "hello big world"))
                            .structuredContent()
                            .get("words")
                            .asInt())
                    .isEqualTo(3);
        }
    }

    private static McpClient connect(McpServer server) {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        server.connect(pair.serverSide());
        McpClient c = McpClient.builder().transport(pair.clientSide()).build();
        c.connect();
        return c;
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }
}
