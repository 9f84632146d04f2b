package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start-up (#19): {@link CompilableSchema} says "certainly compiles" only for schemas the validator compiles, so
 * deferring their compilation never lets {@code McpServer.build()} accept a schema it refused before; the schemas
 * it leaves to the validator include every invalid one below, which {@link Schemas#check} still refuses.
 */
class CompilableSchemaTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"object\",\"properties\":{\"n\":{\"enum\":[1,2]}}}",
                // the everything server's json_schema_2020_12_tool
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                        + "\"$defs\":{\"address\":{\"$anchor\":\"addressDef\",\"type\":\"object\",\"properties\":{"
                        + "\"street\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"}}}},"
                        + "\"properties\":{\"name\":{\"type\":\"string\"},\"address\":{\"$ref\":\"#/$defs/address\"},"
                        + "\"contactMethod\":{\"type\":\"string\",\"enum\":[\"phone\",\"email\"]},"
                        + "\"phone\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}},"
                        + "\"allOf\":[{\"anyOf\":[{\"required\":[\"phone\"]},{\"required\":[\"email\"]}]}],"
                        + "\"if\":{\"properties\":{\"contactMethod\":{\"const\":\"phone\"}},"
                        + "\"required\":[\"contactMethod\"]},"
                        + "\"then\":{\"required\":[\"phone\"]},\"else\":{\"required\":[\"email\"]},"
                        + "\"additionalProperties\":false}",
                // the everything server's test_custom_header
                "{\"type\":\"object\",\"properties\":{\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"}},"
                        + "\"required\":[\"region\"]}",
                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#addr\"}},"
                        + "\"$defs\":{\"x\":{\"$anchor\":\"addr\",\"type\":[\"string\",\"null\"],\"maxLength\":3}}}",
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":0,\"exclusiveMaximum\":10},"
                        + "\"minItems\":1,\"uniqueItems\":true}",
                "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}],\"not\":{\"const\":0},"
                        + "\"title\":\"t\",\"description\":\"d\",\"examples\":[1],\"default\":\"x\",\"deprecated\":false}",
                "{\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/$defs/node\"}}}},"
                        + "\"$ref\":\"#/$defs/node\"}",
                "{\"type\":\"object\",\"properties\":{\"p\":{\"properties\":{\"q\":true}}},"
                        + "\"additionalProperties\":{\"$ref\":\"#/properties/p/properties/q\"}}",
                "{\"type\":\"object\",\"minProperties\":1,\"maxProperties\":4,\"additionalProperties\":false}",
                "{}"
            })
    void whatItProvesCompilableTheValidatorCompiles(String json) {
        assertThat(CompilableSchema.certainly(McpJson.parse(json))).isTrue();
        // compile and use it with the validator itself
        new Schemas(16).validateFully("schema", McpJson.parse(json), McpJson.parse("{}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"#/$defs/none\"}}}",
                "{\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"#nowhere\"}}}",
                "{\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"other.json#/a\"}}}",
                "{\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"https://example.com/s.json\"}}}",
                "{\"type\":\"string\",\"pattern\":\"(unclosed\"}",
                "{\"$schema\":\"https://example.com/mine\",\"type\":\"object\"}",
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                        + "\"properties\":{\"n\":{\"$schema\":\"https://example.com/mine\"}},"
                        + "\"$defs\":{\"d\":{\"$ref\":\"#/$defs/missing\"}}}"
            })
    void whatTheValidatorRefusesItLeavesToTheValidatorAndBuildStillRefuses(String json) {
        assertThat(CompilableSchema.certainly(McpJson.parse(json))).isFalse();
        assertThatThrownBy(() -> new Schemas(16).check("tool t inputSchema", McpJson.parse(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tool t inputSchema");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}",
                "{\"type\":\"string\",\"pattern\":\"^a+$\"}",
                "{\"type\":\"string\",\"format\":\"email\"}",
                "{\"$id\":\"https://example.com/s\",\"type\":\"object\"}",
                "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/a~1b\"}},\"$defs\":{\"a/b\":true}}",
                "{\"type\":\"object\",\"$defs\":{\"x\":{\"$anchor\":\"a\"},\"y\":{\"$anchor\":\"a\"}}}",
                "{\"type\":\"objects\"}",
                "{\"minLength\":-1}",
                "{\"allOf\":[]}",
                "{\"items\":[{\"type\":\"string\"}]}"
            })
    void whatItDoesNotKnowItLeavesToTheValidatorAtBuild(String json) {
        assertThat(CompilableSchema.certainly(McpJson.parse(json))).isFalse();
    }
}
