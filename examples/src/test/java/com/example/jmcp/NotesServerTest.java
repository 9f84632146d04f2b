package com.example.jmcp;

import static dev.jmcp.test.McpAssertions.assertPrompt;
import static dev.jmcp.test.McpAssertions.assertResource;
import static dev.jmcp.test.McpAssertions.assertToolResult;

import com.example.jmcp.server.NotesServer;
import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpServer;
import dev.jmcp.test.McpTest;
import dev.jmcp.test.McpTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The notes server, served in memory by the test kit. */
@McpTest
@Timeout(20)
class NotesServerTest {

    @McpTestServer
    static McpServer server() {
        return NotesServer.create();
    }

    @Test
    void notesAreSavedSearchedAndServed(McpClient client) {
        client.callTool("add_note", Map.of("title", "groceries", "text", "milk"));
        assertToolResult(client.callTool("search_notes", Map.of("query", "milk")))
                .isSuccess()
                .hasText("groceries");
        assertResource(client.readResource("notes://note/groceries")).hasText("milk");
        assertToolResult(client.callTool("delete_note", Map.of("title", "nope")))
                .isError();
        assertPrompt(client.getPrompt("summarize_notes", Map.of())).hasMessages(1);
    }
}
