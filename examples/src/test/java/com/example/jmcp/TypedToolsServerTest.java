package com.example.jmcp;

import static dev.jmcp.test.McpAssertions.assertToolResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.server.TypedToolsServer;
import com.example.jmcp.server.TypedToolsServer.Temperature;
import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpServer;
import dev.jmcp.test.McpTest;
import dev.jmcp.test.McpTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed-tools server, served in memory by the test kit: record answers as structured content. */
@McpTest
@Timeout(20)
class TypedToolsServerTest {

    @McpTestServer
    static McpServer server() {
        return TypedToolsServer.create();
    }

    @Test
    void typedToolsReturnStructuredContent(McpClient client) {
        assertToolResult(client.callTool("convert_temperature", Map.of("value", 212, "from", "F")))
                .isSuccess()
                .hasStructuredContent(Temperature.class, new Temperature(100.0, 212.0, 373.15));
        assertThat(client.callTool("word_stats", Map.of("text", "hello big world"))
                        .structuredContent()
                        .get("words")
                        .asInt())
                .isEqualTo(3);
    }
}
