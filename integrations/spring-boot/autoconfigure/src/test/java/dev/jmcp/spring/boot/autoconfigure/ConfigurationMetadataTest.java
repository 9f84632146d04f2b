package dev.jmcp.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The jar ships IDE metadata for the jmcp.* properties, with descriptions and the documented defaults. */
class ConfigurationMetadataTest {

    @Test
    void everyDocumentedPropertyHasMetadataWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in)
                    .as("spring-configuration-metadata.json on the class path")
                    .isNotNull();
            metadata = McpJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asString(), p));
        assertThat(properties)
                .containsKeys(
                        "jmcp.server.path",
                        "jmcp.server.transport",
                        "jmcp.server.stateless",
                        "jmcp.server.allowed-hosts",
                        "jmcp.server.allowed-origins",
                        "jmcp.server.request-state-keys",
                        "jmcp.server.limits.max-sessions",
                        "jmcp.client.connections",
                        "jmcp.client.request-timeout",
                        "jmcp.server.metrics.enabled");
        assertThat(properties
                        .get("jmcp.server.metrics.enabled")
                        .get("defaultValue")
                        .asBoolean())
                .isTrue();
        // the connections are a map whose values IDEs complete from their type (url, headers, oauth.client-id, ...)
        assertThat(properties.get("jmcp.client.connections").get("type").asString())
                .contains(McpClientProperties.Connection.class.getName());
        assertThat(properties.get("jmcp.server.path").get("defaultValue").asString())
                .isEqualTo("/mcp");
        assertThat(properties
                        .get("jmcp.server.limits.max-sessions")
                        .get("defaultValue")
                        .asInt())
                .isEqualTo(10_000);
        assertThat(properties
                        .get("jmcp.server.limits.max-request-bytes")
                        .get("defaultValue")
                        .asInt())
                .isEqualTo(4_194_304);
        properties.values().forEach(p -> assertThat(p.path("description").asString(""))
                .as(p.get("name").asString())
                .isNotBlank());
    }
}
