package dev.jmcp.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ParamHeadersTest {
    private static JsonNode schema(String properties) {
        return McpJson.parse("{\"type\":\"object\",\"properties\":" + properties + "}");
    }

    @Test
    void safeValuesTravelAsIsAndOthersBase64Wrapped() {
        assertThat(HeaderValues.encode("us-west1")).isEqualTo("us-west1");
        assertThat(HeaderValues.encode("us west 1")).isEqualTo("us west 1");
        assertThat(HeaderValues.encode("Hello, 世界")).isEqualTo("=?base64?SGVsbG8sIOS4lueVjA==?=");
        assertThat(HeaderValues.encode(" padded ")).isEqualTo("=?base64?IHBhZGRlZCA=?=");
        assertThat(HeaderValues.encode("line1\nline2")).isEqualTo("=?base64?bGluZTEKbGluZTI=?=");
        assertThat(HeaderValues.encode("=?base64?literal?=")).isEqualTo("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=");
    }

    @Test
    void decodingUnwrapsValidBase64AndRefusesBrokenBase64() {
        assertThat(HeaderValues.decode("=?base64?SGVsbG8=?=")).contains("Hello");
        assertThat(HeaderValues.decode("  us-west1 ")).contains("us-west1");
        assertThat(HeaderValues.decode("=?base64?SGVsbG8=")).contains("=?base64?SGVsbG8="); // no suffix: literal
        assertThat(HeaderValues.decode("SGVsbG8=")).contains("SGVsbG8=");
        assertThat(HeaderValues.decode("=?base64?SGVsbG8?=")).isEmpty(); // bad padding
        assertThat(HeaderValues.decode("=?base64?SGVs!!!bG8=?=")).isEmpty();
    }

    @Test
    void declarationsFollowPropertiesChainsAndValuesAreFound() {
        List<ParamHeaders.Declaration> d = ParamHeaders.of(schema("{\"region\":{\"type\":\"string\","
                + "\"x-mcp-header\":\"Region\"},\"opts\":{\"type\":\"object\",\"properties\":{\"debug\":"
                + "{\"type\":\"boolean\",\"x-mcp-header\":\"Debug\"}}},\"q\":{\"type\":\"string\"}}"));
        assertThat(d)
                .extracting(ParamHeaders.Declaration::headerName)
                .containsExactly("Mcp-Param-Region", "Mcp-Param-Debug");
        JsonNode args = McpJson.parse("{\"region\":\"eu\",\"opts\":{\"debug\":true}}");
        assertThat(d.get(1).valueIn(args).flatMap(ParamHeaders::headerValue)).contains("true");
        assertThat(d.get(0).valueIn(McpJson.parse("{\"region\":null}"))).isEmpty();
        assertThat(ParamHeaders.headerValue(McpJson.parse("42"))).contains("42");
    }

    @Test
    void invalidAnnotationsAreRefused() {
        String[] invalid = {
            "{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"\"}}",
            "{\"v\":{\"type\":\"object\",\"x-mcp-header\":\"Data\"}}",
            "{\"v\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"x-mcp-header\":\"Items\"}}",
            "{\"v\":{\"type\":\"null\",\"x-mcp-header\":\"Nil\"}}",
            "{\"v\":{\"type\":\"number\",\"x-mcp-header\":\"Score\"}}",
            "{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},\"b\":{\"type\":\"string\",\"x-mcp-header\":\"region\"}}",
            "{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"My Region\"}}",
            "{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"Region:Primary\"}}",
            "{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"Région\"}}",
            "{\"v\":{\"type\":\"string\",\"x-mcp-header\":\"Region\\t1\"}}",
            "{\"v\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"x-mcp-header\":\"Item\"}}}",
            "{\"v\":{\"anyOf\":[{\"type\":\"string\",\"x-mcp-header\":\"Any\"}]}}"
        };
        for (String props : invalid) {
            assertThatThrownBy(() -> ParamHeaders.of(schema(props)))
                    .as(props)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // a parameter that is merely named x-mcp-header is not an annotation
        assertThat(ParamHeaders.of(schema("{\"x-mcp-header\":{\"type\":\"string\"}}")))
                .isEmpty();
    }

    @Test
    void headersMatchTheBodyAfterDecodingAndIntegersNumerically() {
        ParamHeaders.Declaration n = new ParamHeaders.Declaration("N", List.of("n"), "integer");
        assertThat(ParamHeaders.mismatch(n, "42.0", McpJson.parse("42"))).isEmpty();
        assertThat(ParamHeaders.mismatch(n, "43", McpJson.parse("42"))).isPresent();
        ParamHeaders.Declaration s = new ParamHeaders.Declaration("S", List.of("s"), "string");
        assertThat(ParamHeaders.mismatch(s, "=?base64?SGVsbG8=?=", McpJson.parse("\"Hello\"")))
                .isEmpty();
        assertThat(ParamHeaders.mismatch(s, "=?base64?SGVsbG8?=", McpJson.parse("\"Hello\"")))
                .isPresent();
    }
}
