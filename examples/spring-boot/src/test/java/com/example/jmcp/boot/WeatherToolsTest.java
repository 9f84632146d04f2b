package com.example.jmcp.boot;

import static dev.jmcp.test.McpAssertions.assertPrompt;
import static dev.jmcp.test.McpAssertions.assertToolResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
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
        assertToolResult(client.callTool("weather", Map.of("city", "Oslo")))
                .isSuccess()
                .hasText("Today in Oslo: snow, -3.5 °C");
    }

    @Test
    void forecastAnswersStructuredContent(McpClient client) {
        assertToolResult(client.callTool("forecast", Map.of("city", "Rome")))
                .hasStructuredContent(Forecast.class, new Forecast("Rome", "sunny", 16.0));
        assertThat(client.listAllTools())
                .filteredOn(t -> t.name().equals("forecast"))
                .singleElement()
                .satisfies(t -> assertThat(t.outputSchema()).isNotNull());
    }

    @Test
    void thePromptNamesTheCity(McpClient client) {
        assertPrompt(client.getPrompt("plan_day", Map.of("city", "Lima"))).hasTextContaining("Plan a day in Lima");
    }
}
