package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FlatObjectSchemaTest {
    private static final List<String> SCHEMAS = List.of(
            "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"]}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"description\":\"x\"},"
                    + "\"b\":{\"type\":\"number\"},\"c\":{\"type\":\"boolean\",\"default\":true}},"
                    + "\"required\":[\"a\"],\"additionalProperties\":false}",
            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
                    + "\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}",
            "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                    + "\"properties\":{\"s\":{\"type\":\"string\"}},\"additionalProperties\":false}",
            "{\"type\":\"object\"}",
            "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"minLength\":2,\"maxLength\":3}},"
                    + "\"required\":[\"m\"]}",
            "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"minLength\":1,"
                    + "\"description\":\"not empty\"}}}");

    private static final List<String> INSTANCES = List.of(
            "{}",
            "{\"message\":\"hi\"}",
            "{\"message\":1}",
            "{\"message\":null}",
            "{\"message\":\"hi\",\"extra\":true}",
            "{\"a\":1}",
            "{\"a\":1.0}",
            "{\"a\":1.5}",
            "{\"a\":12345678901234567890}",
            "{\"a\":\"1\"}",
            "{\"a\":1,\"b\":2.5,\"c\":false}",
            "{\"a\":1,\"b\":\"2\"}",
            "{\"a\":1,\"c\":\"true\"}",
            "{\"a\":1,\"d\":0}",
            "{\"n\":3}",
            "{\"n\":3.0}",
            "{\"s\":\"x\"}",
            "{\"s\":\"x\",\"t\":1}",
            "{\"m\":\"\"}",
            "{\"m\":\"x\"}",
            "{\"m\":\"xy\"}",
            "{\"m\":\"xyz\"}",
            "{\"m\":\"xyzw\"}",
            "{\"m\":\"\uD83D\uDE00\"}",
            "{\"m\":\"\uD83D\uDE00\uD83D\uDE00\"}",
            "{\"m\":\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}",
            "{\"m\":7}",
            "[]",
            "\"text\"",
            "null");

    @Test
    void everyInstanceTheQuickCheckPassesIsValidForTheFullValidatorToo() {
        Schemas schemas = new Schemas(16);
        int quick = 0;
        for (String s : SCHEMAS) {
            JsonNode schema = McpJson.mapper().readTree(s);
            FlatObjectSchema flat = FlatObjectSchema.of(schema);
            assertThat(flat).as("a flat schema: %s", s).isNotNull();
            for (String i : INSTANCES) {
                JsonNode instance = McpJson.mapper().readTree(i);
                List<String> full = schemas.validateFully("test", schema, instance);
                if (flat.certainlyValid(instance)) {
                    quick++;
                    assertThat(full).as("%s against %s", i, s).isEmpty();
                }
                // the public method answers exactly what the full validator does
                assertThat(schemas.validate("test", schema, instance)).isEqualTo(full);
            }
        }
        assertThat(quick).isGreaterThan(10);
    }

    @Test
    void schemasUsingAnyOtherKeywordGetNoQuickCheck() {
        for (String s : List.of(
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"minLength\":-1}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"maxLength\":2.5}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"minLength\":\"2\"}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"integer\",\"minLength\":2}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"string\",\"format\":\"email\"}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":[\"string\",\"null\"]}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"enum\":[\"a\"]}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"object\"}}}",
                "{\"type\":\"object\",\"properties\":{\"m\":true}}",
                "{\"type\":\"object\",\"patternProperties\":{\"^x\":{\"type\":\"string\"}}}",
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
                "{\"type\":\"object\",\"$defs\":{},\"properties\":{}}",
                "{\"type\":\"array\"}")) {
            assertThat(FlatObjectSchema.of(McpJson.mapper().readTree(s))).as(s).isNull();
        }
    }
}
