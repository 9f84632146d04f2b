package dev.jmcp.test;

import static dev.jmcp.test.McpAssertions.assertNotifications;
import static dev.jmcp.test.McpAssertions.assertToolResult;

import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.logging.LoggingLevel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server served over stdio by a subprocess running {@link StdioHelloServer} with the test's class path. */
@McpTest(
        transport = McpTestTransport.STDIO,
        stdioMain = StdioHelloServer.class,
        stdioArgs = "Howdy",
        requestTimeoutSeconds = 30)
@Timeout(60)
class StdioKitTest {

    @Test
    void theSubprocessServesTheToolsWithItsArguments(McpClient client, McpNotifications notifications) {
        assertToolResult(client.callTool("greet", Map.of("name", "Ada")))
                .isSuccess()
                .hasText("Howdy, Ada");
        client.setLoggingLevel(LoggingLevel.DEBUG);
        client.callTool(
                "work",
                McpJson.toTree(Map.of()),
                CallOptions.builder().progress((p, t, m) -> {}).build());
        assertNotifications(notifications)
                .awaitProgress(1, Duration.ofSeconds(10))
                .awaitLog(LoggingLevel.WARNING, "working over stdio", Duration.ofSeconds(10));
    }
}
