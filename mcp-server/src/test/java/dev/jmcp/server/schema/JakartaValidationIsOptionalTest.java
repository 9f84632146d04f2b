package dev.jmcp.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.server.JsonSchemas;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Jakarta Validation is an optional dependency: without it on the class path, schemas are made without constraints. */
class JakartaValidationIsOptionalTest {
    record Constrained(@Min(5) int n, @Size(max = 3) String s) {}

    /** Prints the schema of {@link Constrained}; run in a child JVM without jakarta.validation-api. */
    public static void main(String[] args) {
        System.out.println(JsonSchemas.objectSchemaOf(Constrained.class));
    }

    @Test
    void constraintsApplyWhenTheApiIsPresent() {
        JsonNode s = JsonSchemas.objectSchemaOf(Constrained.class).get("properties");
        assertThat(s.get("n").get("minimum").asInt()).isEqualTo(5);
        assertThat(s.get("s").get("maxLength").asInt()).isEqualTo(3);
    }

    @Test
    void withoutTheApiSchemasAreMadeWithoutConstraints() throws Exception {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("jakarta.validation"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).isNotEqualTo(System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                JakartaValidationIsOptionalTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.exitValue()).as(out).isZero();
            JsonNode s = McpJson.parse(out.substring(out.lastIndexOf('\n') + 1)).get("properties");
            assertThat(s.get("n").toString()).isEqualTo("{\"type\":\"integer\"}");
            assertThat(s.get("s").has("maxLength")).isFalse();
        } finally {
            p.destroyForcibly();
        }
    }
}
