package dev.jmcp.test;

import static dev.jmcp.test.McpAssertions.assertPrompt;
import static dev.jmcp.test.McpAssertions.assertResource;
import static dev.jmcp.test.McpAssertions.assertToolResult;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpTool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fluent result assertions against a real (in-memory) server: each passes on a match and fails otherwise. */
@McpTest
@Timeout(10)
class McpAssertionsTest {

    /** A forecast, sent as structured content. */
    public record Forecast(String city, double celsius, List<String> tags) {}

    /** The handlers. */
    public static class Handlers {
        @McpTool
        public String greet(String name) {
            return "Hello, " + name;
        }

        @McpTool
        public Forecast forecast(String city) {
            return new Forecast(city, 16, List.of("dry"));
        }

        @McpTool
        public String fail() {
            throw new IllegalStateException("no luck");
        }

        @McpResource(uri = "test://note", mimeType = "text/plain")
        public String note() {
            return "milk";
        }

        @McpPrompt
        public String ask(String city) {
            return "Weather in " + city + "?";
        }
    }

    @McpTestServer
    static Object server() {
        return new Handlers();
    }

    @Test
    void toolResultsPassOnAMatchAndFailOtherwise(McpClient client) {
        assertToolResult(client.callTool("greet", Map.of("name", "Ada")))
                .isSuccess()
                .hasText("Hello, Ada")
                .hasTextContaining("Ada")
                .hasContentTypes("text");
        assertThatThrownBy(() -> assertToolResult(client.callTool("greet", Map.of("name", "Ada")))
                        .hasText("Hello, Bob"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("text \"Hello, Bob\"")
                .hasMessageContaining("Hello, Ada");
        assertToolResult(client.callTool("fail", Map.of())).isError().hasTextContaining("no luck");
        assertThatThrownBy(() ->
                        assertToolResult(client.callTool("fail", Map.of())).isSuccess())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void structuredContentComparesAsJsonOrAsARecord(McpClient client) {
        assertToolResult(client.callTool("forecast", Map.of("city", "Rome")))
                .hasStructuredContent("{\"tags\":[\"dry\"],\"city\":\"Rome\",\"celsius\":16}")
                .hasStructuredContent(new Forecast("Rome", 16.0, List.of("dry")))
                .hasStructuredContent(Forecast.class, new Forecast("Rome", 16.0, List.of("dry")));
        assertThatThrownBy(() -> assertToolResult(client.callTool("forecast", Map.of("city", "Rome")))
                        .hasStructuredContent("{\"city\":\"Oslo\",\"celsius\":16,\"tags\":[\"dry\"]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Oslo");
        assertThatThrownBy(() -> assertToolResult(client.callTool("greet", Map.of("name", "Ada")))
                        .hasStructuredContent(Map.of("x", 1)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void resourcesAndPrompts(McpClient client) {
        assertResource(client.readResource("test://note")).hasText("milk").hasMimeType("text/plain");
        assertThatThrownBy(
                        () -> assertResource(client.readResource("test://note")).hasText("eggs"))
                .isInstanceOf(AssertionError.class);
        assertPrompt(client.getPrompt("ask", Map.of("city", "Lima")))
                .hasMessages(1)
                .hasTextContaining("Weather in Lima");
        assertThatThrownBy(() -> assertPrompt(client.getPrompt("ask", Map.of("city", "Lima")))
                        .hasTextContaining("Oslo"))
                .isInstanceOf(AssertionError.class);
    }
}
