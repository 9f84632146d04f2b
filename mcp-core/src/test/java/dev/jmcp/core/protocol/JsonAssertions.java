package dev.jmcp.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import java.math.BigDecimal;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/** Tree comparison for round-trip tests: JSON numbers compare by value (1 equals 1.0), everything else exactly. */
final class JsonAssertions {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonAssertions() {}

    static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
                .as("JSON differs%n expected: %s%n   actual: %s", expected, actual)
                .isTrue();
    }

    /** Decodes {@code json} as {@code type}, encodes it again, and checks the trees match. Returns the value. */
    static <T> T roundTrip(String json, Class<T> type) {
        JsonNode tree = McpJson.parse(json);
        T value = McpJson.fromTree(tree, type);
        assertSameJson(McpJson.toTree(value), tree);
        return value;
    }
}
