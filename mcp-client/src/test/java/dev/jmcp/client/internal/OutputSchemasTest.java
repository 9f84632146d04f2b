package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OutputSchemasTest {
    private static final JsonNode SCHEMA =
            McpJson.parse("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}");

    @Test
    void withTheValidatorOnTheClassPathStructuredContentIsValidated() {
        OutputSchemas schemas = new OutputSchemas();
        schemas.remember("count", SCHEMA);
        assertThat(schemas.validates()).isTrue();
        assertThat(schemas.check("count", McpJson.parse("{\"structuredContent\":{\"n\":3}}")))
                .isNull();
        assertThat(schemas.check("count", McpJson.parse("{\"structuredContent\":{\"n\":\"three\"}}")))
                .contains("does not match its outputSchema");
    }

    @Test
    void withoutTheValidatorOnlyThePresenceOfStructuredContentIsChecked() {
        OutputSchemas schemas = new OutputSchemas(SchemaValidation.detect(className -> false));
        schemas.remember("count", SCHEMA);
        assertThat(schemas.validates()).isFalse();
        assertThat(schemas.check("count", McpJson.parse("{\"structuredContent\":{\"n\":\"three\"}}")))
                .isNull();
        assertThat(schemas.check("count", McpJson.parse("{\"content\":[]}"))).contains("returned no structuredContent");
    }
}
