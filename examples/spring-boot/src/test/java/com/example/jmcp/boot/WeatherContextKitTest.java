package com.example.jmcp.boot;

import static dev.jmcp.test.McpAssertions.assertToolResult;

import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpServer;
import dev.jmcp.test.McpTest;
import dev.jmcp.test.McpTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application context's {@code McpServer} bean served by the test kit (in memory): Spring injects the bean into
 * the test instance, the kit's {@code @McpTestServer} method hands it over and leaves closing it to Spring.
 */
@SpringBootTest(classes = WeatherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@McpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class WeatherContextKitTest {

    @Autowired
    McpServer server;

    @McpTestServer(closeAfterClass = false)
    McpServer server() {
        return server;
    }

    @Test
    void theContextsServerAnswersThroughTheKit(McpClient client) {
        assertToolResult(client.callTool("weather", Map.of("city", "Rome")))
                .isSuccess()
                .hasText("Today in Rome: sunny, 16.0 °C");
    }
}
