package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jmcp.core.McpJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The repository's {@code server.json} (the everything example for the MCP registry) keeps the registry's rules:
 * checked with networknt's validator against jmcp's statement of them ({@code registry/server-json-rules.schema.json}),
 * and against the registry's own published schema when {@code -Djmcp.registry.schema=/path/to/server.schema.json}
 * names a copy (docs/release.md). The OCI image it names is the one {@code examples/Dockerfile} labels.
 */
class ServerJsonTest {
    private static final Path SERVER_JSON = Path.of("..", "server.json");
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static Schema rules() throws IOException {
        try (InputStream in = ServerJsonTest.class.getResourceAsStream("/registry/server-json-rules.schema.json")) {
            assertThat(in).as("the rules schema on the test class path").isNotNull();
            return schema(McpJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static Schema schema(JsonNode schema) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
        return registry.getSchema(schema);
    }

    private static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    private static ObjectNode serverJson() throws IOException {
        return (ObjectNode) McpJson.parse(Files.readString(SERVER_JSON));
    }

    @Test
    void serverJsonKeepsTheRegistrysRules() throws Exception {
        assertThat(errors(rules(), serverJson())).isEmpty();
    }

    @Test
    void theRulesRefuseWhatTheRegistryRefuses() throws Exception {
        Schema rules = rules();
        ObjectNode noNamespace = serverJson();
        noNamespace.put("name", "everything");
        ObjectNode longDescription = serverJson();
        longDescription.put("description", "x".repeat(101));
        ObjectNode versionRange = serverJson();
        versionRange.put("version", "^0.1.0");
        ObjectNode untaggedImage = serverJson();
        ((ObjectNode) untaggedImage.get("packages").get(0)).put("identifier", "ghcr.io/jmcp-dev/jmcp-examples");
        ObjectNode noVersion = serverJson();
        noVersion.remove("version");
        for (ObjectNode bad : List.of(noNamespace, longDescription, versionRange, untaggedImage, noVersion)) {
            assertThat(errors(rules, bad)).as(bad.toString()).isNotEmpty();
        }
    }

    @Test
    void theImageItNamesIsTheOneTheDockerfileLabelsWithTheServerName() throws Exception {
        ObjectNode server = serverJson();
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile)
                .contains("io.modelcontextprotocol.server.name=\""
                        + server.get("name").asString() + "\"");
        String image = server.get("packages").get(0).get("identifier").asString();
        assertThat(image).endsWith(":" + server.get("version").asString());
        assertThat(dockerfile).contains("docker build -f examples/Dockerfile -t " + image + " .");
    }

    @Test
    void serverJsonKeepsTheRegistrysPublishedSchemaWhenOneIsGiven() throws Exception {
        String published = System.getProperty("jmcp.registry.schema", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(
                published.isBlank(), "no -Djmcp.registry.schema: the published schema is not on this machine");
        Schema schema = schema(McpJson.parse(Files.readString(Path.of(published))));
        assertThat(errors(schema, serverJson())).isEmpty();
    }
}
