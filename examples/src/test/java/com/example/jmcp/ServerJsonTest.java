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
 * The repository's {@code server.json} (the everything example for the MCP registry) is valid against the
 * registry's published schema: a verbatim copy of the version its {@code $schema} names is vendored as
 * {@code registry/server.schema.json} (source and commit in {@code registry/README.md}) and checked offline with
 * networknt's validator. The OCI image it names is the one {@code examples/Dockerfile} labels.
 */
class ServerJsonTest {
    private static final Path SERVER_JSON = Path.of("..", "server.json");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final String SCHEMA_RESOURCE = "/registry/server.schema.json";

    private static JsonNode schemaDocument() throws IOException {
        try (InputStream in = ServerJsonTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as("the registry's schema on the test class path").isNotNull();
            return McpJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Schema registrySchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
        return registry.getSchema(schemaDocument());
    }

    private static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    private static ObjectNode serverJson() throws IOException {
        return (ObjectNode) McpJson.parse(Files.readString(SERVER_JSON));
    }

    private static ObjectNode firstPackage(ObjectNode server) {
        return (ObjectNode) server.get("packages").get(0);
    }

    @Test
    void serverJsonIsValidAgainstTheRegistrysPublishedSchema() throws Exception {
        assertThat(errors(registrySchema(), serverJson())).isEmpty();
    }

    @Test
    void serverJsonNamesTheVendoredSchemaVersion() throws Exception {
        assertThat(serverJson().get("$schema").asString())
                .isEqualTo(schemaDocument().get("$id").asString());
    }

    @Test
    void theVendoredSchemaRefusesWhatTheRegistryRefuses() throws Exception {
        Schema schema = registrySchema();
        ObjectNode noNamespace = serverJson();
        noNamespace.put("name", "everything");
        ObjectNode longDescription = serverJson();
        longDescription.put("description", "x".repeat(101));
        ObjectNode noVersion = serverJson();
        noVersion.remove("version");
        ObjectNode packageWithoutVersion = serverJson();
        firstPackage(packageWithoutVersion).remove("version");
        ObjectNode latestPackage = serverJson();
        firstPackage(latestPackage).put("version", "latest");
        ObjectNode unknownPackageMember = serverJson();
        firstPackage(unknownPackageMember).put("image", "ghcr.io/jmcp-dev/jmcp-examples");
        ObjectNode positionalWithoutValue = serverJson();
        ((ObjectNode) firstPackage(positionalWithoutValue)
                        .get("packageArguments")
                        .get(0))
                .remove("value");
        for (ObjectNode bad : List.of(
                noNamespace,
                longDescription,
                noVersion,
                packageWithoutVersion,
                latestPackage,
                unknownPackageMember,
                positionalWithoutValue)) {
            assertThat(errors(schema, bad)).as(bad.toString()).isNotEmpty();
        }
    }

    @Test
    void theImageItNamesIsTheOneTheDockerfileLabelsWithTheServerName() throws Exception {
        ObjectNode server = serverJson();
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile)
                .contains("io.modelcontextprotocol.server.name=\""
                        + server.get("name").asString() + "\"");
        String version = server.get("version").asString();
        String image = firstPackage(server).get("identifier").asString();
        assertThat(image).endsWith(":" + version);
        assertThat(firstPackage(server).get("version").asString()).isEqualTo(version);
        assertThat(dockerfile).contains("docker build -f examples/Dockerfile -t " + image + " .");
    }
}
