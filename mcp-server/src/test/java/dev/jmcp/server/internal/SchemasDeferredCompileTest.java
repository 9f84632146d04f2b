package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Start-up (#19): a flat schema is checked at registration but compiled only when a call needs the validator. */
class SchemasDeferredCompileTest {
    private static final String FLAT = "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\","
            + "\"minLength\":1}},\"required\":[\"title\"]}";

    @Test
    void aFlatSchemaIsCompiledOnItsFirstFullValidationNotWhenChecked() {
        Schemas schemas = new Schemas(16);
        JsonNode flat = McpJson.parse(FLAT);
        schemas.check("flat", flat);
        assertThat(schemas.compiled(flat)).isFalse();
        assertThat(schemas.validate("flat", flat, McpJson.parse("{\"title\":\"t\"}")))
                .isEmpty();
        assertThat(schemas.compiled(flat))
                .as("a valid call passes the quick check")
                .isFalse();
        assertThat(schemas.validate("flat", flat, McpJson.parse("{\"title\":\"\"}")))
                .singleElement()
                .asString()
                .contains("title");
        assertThat(schemas.compiled(flat)).isTrue();
    }

    @Test
    void anyOtherSchemaIsStillCompiledAndRefusedWhenChecked() {
        Schemas schemas = new Schemas(16);
        JsonNode other =
                McpJson.parse("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"string\",\"pattern\":\"^a\"}}}");
        schemas.check("other", other);
        assertThat(schemas.compiled(other)).isTrue();
        assertThatThrownBy(() -> schemas.check(
                        "bad",
                        McpJson.parse("{\"type\":\"object\",\"properties\":{\"n\":{\"$ref\":\"#/$defs/none\"}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
        assertThatThrownBy(() -> schemas.check(
                        "flat with a foreign dialect",
                        McpJson.parse("{\"$schema\":\"https://example.com/mine\",\"type\":\"object\"}")))
                .hasMessageContaining("unsupported JSON Schema dialect");
    }

    @Test
    void aSchemaProvenCompilableIsCompiledOnItsFirstFullValidation() {
        Schemas schemas = new Schemas(16);
        JsonNode proven = McpJson.parse("{\"type\":\"object\",\"$defs\":{\"n\":{\"enum\":[1,2]}},"
                + "\"properties\":{\"n\":{\"$ref\":\"#/$defs/n\"}},\"required\":[\"n\"]}");
        schemas.check("proven", proven);
        assertThat(schemas.compiled(proven)).isFalse();
        assertThat(schemas.validate("proven", proven, McpJson.parse("{\"n\":3}")))
                .singleElement()
                .asString()
                .contains("n");
        assertThat(schemas.compiled(proven)).isTrue();
        assertThat(schemas.validate("proven", proven, McpJson.parse("{\"n\":2}")))
                .isEmpty();
    }

    @Test
    void threadsThatFirstNeedTheValidatorAtOnceAllGetItsAnswer() throws Exception {
        Schemas schemas = new Schemas(16);
        JsonNode flat = McpJson.parse(FLAT);
        schemas.check("flat", flat);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return schemas.validate("flat", flat, McpJson.parse("{}"));
                }));
            }
            start.countDown();
            for (Future<List<String>> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS))
                        .singleElement()
                        .asString()
                        .contains("title");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
