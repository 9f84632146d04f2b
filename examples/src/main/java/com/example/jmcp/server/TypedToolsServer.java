package com.example.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import java.util.List;

/**
 * Typed tools: each tool's arguments bind to a record and its answer is a record, returned as
 * {@code structuredContent} (validated by clients against the tool's {@code outputSchema}) plus a text rendering
 * for models that read only text.
 *
 * <p>Run it for a desktop MCP host with {@code java -jar jmcp-examples.jar server typed --stdio}.
 */
public final class TypedToolsServer {
    private TypedToolsServer() {}

    /** The arguments of {@code convert_temperature}. */
    public record ConvertRequest(double value, String from) {}

    /** The answer of {@code convert_temperature}. */
    public record Temperature(double celsius, double fahrenheit, double kelvin) {}

    /** The arguments of {@code word_stats}. */
    public record TextInput(String text) {}

    /** The answer of {@code word_stats}. */
    public record WordStats(int characters, int words, int lines, String longestWord) {}

    /** A new typed-tool server. */
    public static McpServer create() {
        return McpServer.builder()
                .name("jmcp-typed-tools")
                .version("0.1.0")
                .tool(
                        Tool.builder(
                                        "convert_temperature",
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{
                                          "value":{"type":"number"},
                                          "from":{"type":"string","enum":["C","F","K"]}},
                                         "required":["value","from"]}"""))
                                .description("Converts a temperature to Celsius, Fahrenheit and Kelvin")
                                .outputSchema(
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{
                                          "celsius":{"type":"number"},"fahrenheit":{"type":"number"},
                                          "kelvin":{"type":"number"}},
                                         "required":["celsius","fahrenheit","kelvin"]}"""))
                                .build(),
                        (req, ctx) -> typed(convert(req.argumentsAs(ConvertRequest.class))))
                .tool(
                        Tool.builder(
                                        "word_stats",
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{"text":{"type":"string"}},
                                         "required":["text"]}"""))
                                .description("Counts characters, words and lines of a text")
                                .outputSchema(
                                        Json.parse(
                                                """
                                        {"type":"object","properties":{
                                          "characters":{"type":"integer"},"words":{"type":"integer"},
                                          "lines":{"type":"integer"},"longestWord":{"type":"string"}},
                                         "required":["characters","words","lines","longestWord"]}"""))
                                .build(),
                        (req, ctx) -> typed(stats(req.argumentsAs(TextInput.class))))
                .build();
    }

    /** The conversion itself: plain Java, no protocol types. */
    static Temperature convert(ConvertRequest in) {
        double c;
        switch (in.from()) {
            case "F":
                c = (in.value() - 32) * 5 / 9;
                break;
            case "K":
                c = in.value() - 273.15;
                break;
            default:
                c = in.value();
        }
        return new Temperature(c, c * 9 / 5 + 32, c + 273.15);
    }

    static WordStats stats(TextInput in) {
        String text = in.text();
        String[] words = text.isBlank() ? new String[0] : text.trim().split("\\s+");
        String longest = "";
        for (String w : words) {
            if (w.length() > longest.length()) {
                longest = w;
            }
        }
        return new WordStats(text.length(), words.length, text.isEmpty() ? 0 : text.split("\n", -1).length, longest);
    }

    /** A record as structured content plus its JSON text. */
    private static CallToolResult typed(Record value) {
        return CallToolResult.builder()
                .content(List.of(TextContent.of(McpJson.write(value))))
                .structuredContent(McpJson.toTree(value))
                .build();
    }
}
