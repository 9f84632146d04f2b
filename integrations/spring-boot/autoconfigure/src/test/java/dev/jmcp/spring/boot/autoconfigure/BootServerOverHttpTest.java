package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.ServerTool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * A real Spring Boot application on the embedded Tomcat at a random port on 127.0.0.1: its handler beans, tool
 * beans and a customizer make the server, which the jmcp client drives over Streamable HTTP in both eras.
 */
@Timeout(30)
@SpringBootTest(
        classes = BootServerOverHttpTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "spring.application.name=boot-weather",
            "jmcp.server.instructions=Ask for the weather",
            "jmcp.server.version=2.3.4"
        })
class BootServerOverHttpTest {

    /** The two eras: a handshake-era client and the default (2026-07-28) one. */
    enum Era {
        HANDSHAKE(ProtocolVersion.V2025_11_25),
        STATELESS(null);

        final ProtocolVersion pinned;

        Era(ProtocolVersion pinned) {
            this.pinned = pinned;
        }
    }

    /** An ordinary Spring service the handlers use. */
    @Service
    static class Forecasts {
        String today(String city) {
            return "sunny in " + city;
        }
    }

    /** A bean with annotated handler methods, with a Spring-injected dependency. */
    @Service
    static class WeatherHandlers {
        private final Forecasts forecasts;

        WeatherHandlers(Forecasts forecasts) {
            this.forecasts = forecasts;
        }

        @McpTool(description = "Today's weather")
        public String weather(String city) {
            return forecasts.today(city);
        }

        @McpResource(uri = "weather://cities", mimeType = "text/plain")
        public String cities() {
            return "Oslo,Rome";
        }

        @McpPrompt(description = "Ask about a city")
        public String ask(String city) {
            return "What is the weather in " + city + "?";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Forecasts forecasts() {
            return new Forecasts();
        }

        @Bean
        WeatherHandlers weatherHandlers(Forecasts forecasts) {
            return new WeatherHandlers(forecasts);
        }

        @Bean
        ServerTool echoTool() {
            return new ServerTool(
                    Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                            .description("Echoes its arguments")
                            .build(),
                    (request, ctx) -> CallToolResult.text(request.arguments().toString()));
        }

        @Bean
        McpServerCustomizer pingTool() {
            return builder -> builder.tool(
                    Tool.builder("custom", McpJson.parse("{\"type\":\"object\"}"))
                            .build(),
                    (request, ctx) -> CallToolResult.text("from a customizer"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    McpServer server;

    @Autowired
    McpHttpServlet servlet;

    @ParameterizedTest
    @EnumSource(Era.class)
    void handlerBeansToolBeansAndCustomizersAnswerTheJmcpClientOverHttp(Era era) {
        try (McpClient client = client(era)) {
            assertThat(client.server().serverInfo().name()).isEqualTo("boot-weather");
            assertThat(client.server().serverInfo().version()).isEqualTo("2.3.4");
            assertThat(client.server().instructions()).isEqualTo("Ask for the weather");
            if (era.pinned != null) {
                assertThat(client.protocolVersion()).isEqualTo(era.pinned);
            }
            assertThat(client.listAllTools()).extracting(Tool::name).contains("weather", "echo", "custom");
            assertThat(text(client.callTool("weather", Map.of("city", "Oslo")))).isEqualTo("sunny in Oslo");
            assertThat(text(client.callTool("echo", Map.of("a", 1)))).isEqualTo("{\"a\":1}");
            assertThat(text(client.callTool("custom", Map.of()))).isEqualTo("from a customizer");
            assertThat(((TextResourceContents) client.readResource("weather://cities")
                                    .contents()
                                    .get(0))
                            .text())
                    .isEqualTo("Oslo,Rome");
            GetPromptResult prompt = client.getPrompt("ask", Map.of("city", "Rome"));
            assertThat(((TextContent) prompt.messages().get(0).content()).text())
                    .isEqualTo("What is the weather in Rome?");
        }
    }

    @Test
    void theServletGuardsAgainstDnsRebindingInTheContainer() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint())
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .header("Origin", "https://evil.example")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    private McpClient client(Era era) {
        var builder = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(endpoint()).build())
                .requestTimeout(Duration.ofSeconds(10));
        if (era.pinned != null) {
            builder.protocolVersion(era.pinned);
        }
        McpClient client = builder.build();
        client.connect();
        return client;
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}
