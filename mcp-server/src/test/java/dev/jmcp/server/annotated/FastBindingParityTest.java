package dev.jmcp.server.annotated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.server.AnnotatedHandlers;
import dev.jmcp.server.McpTool;
import dev.jmcp.server.ServerTool;
import dev.jmcp.server.ToolRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The fast paths of annotated calls (arguments read straight from the JSON node, the method called through a spun
 * class) answer exactly what Jackson binding and the method handle answer: for every argument type with a fast path
 * and a spread of JSON values (exact matches, coercions, out-of-range and wrong-typed values), a tool echoing its
 * argument returns Jackson's own reading of the value, or fails with an invalid-params error naming the argument
 * exactly when Jackson fails; and a class the spun call cannot reach (package-private) gives the same answers.
 */
class FastBindingParityTest {

    /** Echo tools on a public class: the spun direct call. */
    public static final class PublicEchoes {
        @McpTool
        public String anInt(int v) {
            return "int:" + v;
        }

        @McpTool
        public String aBoxedInt(Integer v) {
            return "Integer:" + v;
        }

        @McpTool
        public String aLong(long v) {
            return "long:" + v;
        }

        @McpTool
        public String aDouble(double v) {
            return "double:" + v;
        }

        @McpTool
        public String aBoolean(boolean v) {
            return "boolean:" + v;
        }

        @McpTool
        public String aString(String v) {
            return "String:" + v;
        }

        @McpTool
        public String anOptionalInt(Optional<Integer> v) {
            return "Optional:" + v;
        }

        @McpTool
        public String seven(int a, int b, int c, int d, int e, int f, int g) {
            return "sum:" + (a + b + c + d + e + f + g);
        }

        @McpTool
        public int sum(int a, int b) {
            return a + b;
        }

        @McpTool
        public long big(long a) {
            return a;
        }

        @McpTool
        public boolean not(boolean a) {
            return !a;
        }

        @McpTool
        public String shade(Shade s) {
            return "shade:" + s;
        }
    }

    /** A parameter type the spun class cannot name (package-private). */
    enum Shade {
        LIGHT,
        DARK
    }

    /** The same tools on a package-private class: the method handle. */
    static final class HiddenEchoes {
        @McpTool
        public String anInt(int v) {
            return "int:" + v;
        }

        @McpTool
        public String aDouble(double v) {
            return "double:" + v;
        }

        @McpTool
        public String aString(String v) {
            return "String:" + v;
        }
    }

    private static final List<String> VALUES = List.of(
            "0",
            "7",
            "-3",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9007199254740993",
            "2.5",
            "2.0",
            "1e3",
            "\"3\"",
            "\"abc\"",
            "\"\"",
            "true",
            "false",
            "\"true\"",
            "[1]",
            "{\"x\":1}",
            "1.7976931348623157E308");

    private static final List<Object[]> TYPES = List.of(
            new Object[] {"anInt", int.class, "int:"},
            new Object[] {"aBoxedInt", Integer.class, "Integer:"},
            new Object[] {"aLong", long.class, "long:"},
            new Object[] {"aDouble", double.class, "double:"},
            new Object[] {"aBoolean", boolean.class, "boolean:"},
            new Object[] {"aString", String.class, "String:"});

    @Test
    void everyFastPathAnswersWhatJacksonBindingAnswers() throws Exception {
        AnnotatedHandlers handlers = AnnotatedHandlers.of(new PublicEchoes());
        for (Object[] t : TYPES) {
            String tool = (String) t[0];
            ObjectReader jackson = McpJson.mapper().readerFor((Class<?>) t[1]);
            for (String json : VALUES) {
                JsonNode value = McpJson.parse(json);
                Object expected = null;
                boolean fails = false;
                try {
                    expected = jackson.readValue(value);
                } catch (RuntimeException e) {
                    fails = true;
                }
                if (fails) {
                    assertThatThrownBy(() -> call(handlers, tool, value))
                            .as("%s(%s)", tool, json)
                            .hasMessageContaining("\"v\"");
                } else {
                    assertThat(text(call(handlers, tool, value)))
                            .as("%s(%s)", tool, json)
                            .isEqualTo(t[2] + String.valueOf(expected));
                }
            }
        }
    }

    @Test
    void anOptionalArgumentIsReadLikeItsValueAndEmptyWhenAbsentOrNull() throws Exception {
        AnnotatedHandlers handlers = AnnotatedHandlers.of(new PublicEchoes());
        assertThat(text(call(handlers, "anOptionalInt", McpJson.parse("5")))).isEqualTo("Optional:Optional[5]");
        assertThat(text(call(handlers, "anOptionalInt", McpJson.parse("\"6\""))))
                .isEqualTo("Optional:Optional[6]");
        assertThat(text(call(handlers, "anOptionalInt", McpJson.parse("null")))).isEqualTo("Optional:Optional.empty");
        assertThat(text(handler(handlers, "anOptionalInt")
                        .handle(new ToolRequest("anOptionalInt", McpJson.object(), null), null)))
                .isEqualTo("Optional:Optional.empty");
    }

    @Test
    void scalarResultsAreTheirJsonText() throws Exception {
        AnnotatedHandlers handlers = AnnotatedHandlers.of(new PublicEchoes());
        JsonNode args = McpJson.parse("{\"a\":2,\"b\":3}");
        assertThat(text(handler(handlers, "sum").handle(new ToolRequest("sum", args, null), null)))
                .isEqualTo("5");
        assertThat(text(handler(handlers, "big")
                        .handle(new ToolRequest("big", McpJson.parse("{\"a\":9007199254740993}"), null), null)))
                .isEqualTo(McpJson.write(9007199254740993L));
        assertThat(text(handler(handlers, "not")
                        .handle(new ToolRequest("not", McpJson.parse("{\"a\":true}"), null), null)))
                .isEqualTo(McpJson.write(false));
    }

    @Test
    void aPublicMethodTakingAPackagePrivateTypeIsCalledAllTheSame() throws Exception {
        AnnotatedHandlers handlers = AnnotatedHandlers.of(new PublicEchoes());
        assertThat(text(handler(handlers, "shade")
                        .handle(new ToolRequest("shade", McpJson.parse("{\"s\":\"DARK\"}"), null), null)))
                .isEqualTo("shade:DARK");
    }

    @Test
    void methodsWithMoreParametersThanTheSpunShapesStillBind() throws Exception {
        AnnotatedHandlers handlers = AnnotatedHandlers.of(new PublicEchoes());
        JsonNode args = McpJson.parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7}");
        assertThat(text(handler(handlers, "seven").handle(new ToolRequest("seven", args, null), null)))
                .isEqualTo("sum:28");
    }

    @Test
    void aClassTheSpunCallCannotReachAnswersTheSame() throws Exception {
        AnnotatedHandlers open = AnnotatedHandlers.of(new PublicEchoes());
        AnnotatedHandlers hidden = AnnotatedHandlers.of(new HiddenEchoes());
        for (String tool : List.of("anInt", "aDouble", "aString")) {
            for (String json : VALUES) {
                JsonNode value = McpJson.parse(json);
                String a = outcome(open, tool, value);
                String b = outcome(hidden, tool, value);
                assertThat(b).as("%s(%s)", tool, json).isEqualTo(a);
            }
        }
    }

    private static String outcome(AnnotatedHandlers handlers, String tool, JsonNode value) {
        try {
            return text(call(handlers, tool, value));
        } catch (Exception e) {
            return "error: " + e.getMessage();
        }
    }

    private static CallToolResult call(AnnotatedHandlers handlers, String tool, JsonNode value) throws Exception {
        return handler(handlers, tool)
                .handle(new ToolRequest(tool, McpJson.object().set("v", value), null), null);
    }

    private static dev.jmcp.server.ToolHandler handler(AnnotatedHandlers handlers, String name) {
        ServerTool tool = handlers.tools().stream()
                .filter(t -> t.tool().name().equals(name))
                .findFirst()
                .orElseThrow();
        return tool.handler();
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }
}
