package com.example.jmcp.server;

import dev.jmcp.server.Description;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.TypedTools;
import java.util.Optional;

/**
 * Typed tools: each tool's input is a Java record (its JSON Schema is generated from the record, and the validated
 * arguments are bound to it) and its answer is a record, sent as {@code structuredContent} with a generated
 * {@code outputSchema}. The handlers are plain Java: no JSON in sight.
 *
 * <p>Run it for a desktop MCP host with {@code java -jar jmcp-examples.jar server typed --stdio}.
 */
public final class TypedToolsServer {
    private TypedToolsServer() {}

    /** Temperature scales. */
    public enum Scale {
        /** Celsius. */
        C,
        /** Fahrenheit. */
        F,
        /** Kelvin. */
        K
    }

    /** The input of {@code convert_temperature}. */
    public record ConvertRequest(
            @Description("The temperature to convert") double value,
            @Description("The scale of the value") Scale from) {}

    /** The answer of {@code convert_temperature}. */
    public record Temperature(double celsius, double fahrenheit, double kelvin) {}

    /** The input of {@code word_stats}. */
    public record TextInput(
            @Description("The text to measure") String text,
            @Description("Also report the longest word (default true)") Optional<Boolean> longestWord) {}

    /** The answer of {@code word_stats}. */
    public record WordStats(int characters, int words, int lines, Optional<String> longestWord) {}

    /** A new typed-tool server. */
    public static McpServer create() {
        return McpServer.builder()
                .name("jmcp-typed-tools")
                .version("0.1.0")
                .tool(TypedTools.of(
                        "convert_temperature",
                        "Converts a temperature to Celsius, Fahrenheit and Kelvin",
                        ConvertRequest.class,
                        Temperature.class,
                        (in, ctx) -> convert(in)))
                .tool(TypedTools.of(
                        "word_stats",
                        "Counts the characters, words and lines of a text",
                        TextInput.class,
                        WordStats.class,
                        (in, ctx) -> stats(in)))
                .build();
    }

    /** The conversion itself: plain Java, no protocol types. */
    static Temperature convert(ConvertRequest in) {
        double c;
        switch (in.from()) {
            case F:
                c = (in.value() - 32) * 5 / 9;
                break;
            case K:
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
        int lines = text.isEmpty() ? 0 : text.split("\n", -1).length;
        boolean wantLongest = in.longestWord().orElse(true);
        return new WordStats(text.length(), words.length, lines, wantLongest ? Optional.of(longest) : Optional.empty());
    }
}
