package com.example.jmcp.server;

import dev.jmcp.server.Description;
import dev.jmcp.server.McpParam;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.util.Optional;

/**
 * Typed tools written as annotated methods: each method's parameters become the tool's input schema (names from
 * {@code -parameters}, descriptions from {@link McpParam} or {@link Description}), and its record answer is sent as
 * {@code structuredContent} with a generated {@code outputSchema}. The handlers are plain Java: no JSON in sight.
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

    /** The answer of {@code convert_temperature}. */
    public record Temperature(double celsius, double fahrenheit, double kelvin) {}

    /** The answer of {@code word_stats}. */
    public record WordStats(int characters, int words, int lines, Optional<String> longestWord) {}

    /** The tools: ordinary methods of an ordinary class. */
    public static final class Tools {
        /** Converts a temperature. */
        @McpTool(
                name = "convert_temperature",
                title = "Convert a temperature",
                description = "Converts a temperature to Celsius, Fahrenheit and Kelvin",
                readOnly = true,
                idempotent = true,
                openWorld = false)
        public Temperature convert(
                @McpParam(description = "The temperature to convert") double value,
                @McpParam(description = "The scale of the value") Scale from) {
            double c;
            switch (from) {
                case F:
                    c = (value - 32) * 5 / 9;
                    break;
                case K:
                    c = value - 273.15;
                    break;
                default:
                    c = value;
            }
            return new Temperature(c, c * 9 / 5 + 32, c + 273.15);
        }

        /** Measures a text. */
        @McpTool(
                name = "word_stats",
                description = "Counts the characters, words and lines of a text",
                readOnly = true,
                idempotent = true,
                openWorld = false)
        public WordStats wordStats(
                @Description("The text to measure") String text,
                @Description("Also report the longest word (default true)") Optional<Boolean> longestWord) {
            String[] words = text.isBlank() ? new String[0] : text.trim().split("\\s+");
            String longest = "";
            for (String w : words) {
                if (w.length() > longest.length()) {
                    longest = w;
                }
            }
            int lines = text.isEmpty() ? 0 : text.split("\n", -1).length;
            boolean wantLongest = longestWord.orElse(true);
            return new WordStats(
                    text.length(), words.length, lines, wantLongest ? Optional.of(longest) : Optional.empty());
        }
    }

    /** A new typed-tool server. */
    public static McpServer create() {
        return McpServer.builder()
                .name("jmcp-typed-tools")
                .version("0.1.0")
                .handlers(new Tools())
                .build();
    }
}
