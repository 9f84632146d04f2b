package com.example.jmcp.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.test.McpTest;
import dev.jmcp.test.McpTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handler bean on its own, without Spring: the test kit serves it in memory and injects a client. */
@McpTest
@Timeout(20)
class WeatherToolsTest {

    @McpTestServer
    static Object server() {
        return new WeatherTools(new Forecasts());
    }

    @Test
    void weatherAnswersASentence(McpClient client) {
        CallToolResult result = client.callTool("weather", Map.of("city", "Oslo"));
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("Today in Oslo: snow, -3.5 °C");
    }

    @Test
    void forecastAnswersStructuredContent(McpClient client) {
        CallToolResult result = client.callTool("forecast", Map.of("city", "Rome"));
        assertThat(result.structuredContent().get("sky").asString()).isEqualTo("sunny");
        assertThat(result.structuredContent().get("celsius").asDouble()).isEqualTo(16.0);
        assertThat(client.listAllTools())
                .filteredOn(t -> t.name().equals("forecast"))
                .singleElement()
                .satisfies(t -> assertThat(t.outputSchema()).isNotNull());
    }

    @Test
    void thePromptNamesTheCity(McpClient client) {
        GetPromptResult prompt = client.getPrompt("plan_day", Map.of("city", "Lima"));
        assertThat(((TextContent) prompt.messages().get(0).content()).text()).contains("Plan a day in Lima");
    }
}
