package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolAnnotations;
import dev.jmcp.core.protocol.tools.ToolExecution;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VersionAdaptationTest {
    static final List<Icon> ICONS = List.of(Icon.of("https://example.com/i.png"));
    static final JsonNode META = McpJson.parse("{\"k\":1}");

    final McpServer server = McpServer.builder()
            .title("Server Title")
            .description("about")
            .websiteUrl("https://example.com")
            .icons(ICONS)
            .tool(
                    Tool.builder("t", McpJson.parse("{\"type\":\"object\"}"))
                            .title("Tool Title")
                            .description("d")
                            .icons(ICONS)
                            .outputSchema(McpJson.parse("{\"type\":\"object\"}"))
                            .annotations(
                                    ToolAnnotations.builder().readOnlyHint(true).build())
                            .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                            .meta(META)
                            .build(),
                    (r, c) -> CallToolResult.text("x"))
            .prompt(
                    Prompt.builder("p")
                            .title("Prompt Title")
                            .description("d")
                            .icons(ICONS)
                            .meta(META)
                            .build(),
                    (r, c) -> GetPromptResult.of(null, List.of()))
            .resource(
                    Resource.builder("test://r", "r")
                            .title("Resource Title")
                            .icons(ICONS)
                            .meta(META)
                            .build(),
                    (r, c) -> ReadResourceResult.of(List.of()))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    private static JsonNode first(RawClient c, String method, String key) {
        return c.call(method, "{}").get(key).get(0);
    }

    @Test
    void a2024ClientSeesOnlyWhat2024Defines() {
        try (RawClient c = RawClient.connect(server)) {
            c.initialize("2024-11-05", "{}");
            JsonNode tool = first(c, "tools/list", "tools");
            assertThat(tool.propertyNames()).containsExactlyInAnyOrder("name", "description", "inputSchema");
            JsonNode prompt = first(c, "prompts/list", "prompts");
            assertThat(prompt.has("title") || prompt.has("icons") || prompt.has("_meta"))
                    .isFalse();
            JsonNode resource = first(c, "resources/list", "resources");
            assertThat(resource.has("title") || resource.has("icons") || resource.has("_meta"))
                    .isFalse();
        }
    }

    @Test
    void a2025_03ClientGetsToolAnnotationsButNoTitlesOutputSchemaOrIcons() {
        try (RawClient c = RawClient.connect(server)) {
            c.initialize("2025-03-26", "{}");
            JsonNode tool = first(c, "tools/list", "tools");
            assertThat(tool.has("annotations")).isTrue();
            assertThat(tool.has("title") || tool.has("outputSchema") || tool.has("_meta"))
                    .isFalse();
            assertThat(tool.has("icons") || tool.has("execution")).isFalse();
        }
    }

    @Test
    void a2025_06ClientGetsTitlesOutputSchemaAndMetaButNoIconsOrExecution() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode init = c.session
                    .request(
                            "initialize",
                            McpJson.parse("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                                    + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}"))
                    .join();
            JsonNode info = init.get("serverInfo");
            assertThat(info.get("title").asString()).isEqualTo("Server Title");
            assertThat(info.has("icons") || info.has("description") || info.has("websiteUrl"))
                    .isFalse();
            assertThat(init.get("capabilities").has("tasks")).isFalse();
            JsonNode tool = first(c, "tools/list", "tools");
            assertThat(tool.get("title").asString()).isEqualTo("Tool Title");
            assertThat(tool.has("outputSchema") && tool.has("_meta") && tool.has("annotations"))
                    .isTrue();
            assertThat(tool.has("icons") || tool.has("execution")).isFalse();
            assertThat(first(c, "prompts/list", "prompts").get("title").asString())
                    .isEqualTo("Prompt Title");
        }
    }

    @Test
    void a2025_11ClientGetsEverything() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode init = c.session
                    .request(
                            "initialize",
                            McpJson.parse("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                    + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}"))
                    .join();
            assertThat(init.get("serverInfo").has("icons")).isTrue();
            assertThat(init.get("capabilities").has("tasks")).isTrue();
            JsonNode tool = first(c, "tools/list", "tools");
            assertThat(tool.has("icons") && tool.has("execution") && tool.has("title"))
                    .isTrue();
            JsonNode resource = first(c, "resources/list", "resources");
            assertThat(resource.has("icons") && resource.has("_meta")).isTrue();
        }
    }
}
