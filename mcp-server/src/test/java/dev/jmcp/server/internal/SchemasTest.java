package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.jmcp.core.McpJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasTest {
    final AtomicInteger hits = new AtomicInteger();
    HttpServer http;
    String base;

    @BeforeEach
    void startServer() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/schema+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        http.stop(0);
    }

    @Test
    void aRemoteRefIsNeverFetched() {
        Schemas schemas = new Schemas(16);
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"" + base + "/s.json\"}}}";
        assertThatThrownBy(() -> schemas.validate("t", McpJson.parse(schema), McpJson.parse("{\"a\":1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not allowed");
        assertThat(hits).hasValue(0);
    }

    @Test
    void aRemoteIdBaseDoesNotTurnARelativeRefIntoAFetch() {
        Schemas schemas = new Schemas(16);
        String schema = "{\"$id\":\"" + base + "/root.json\",\"type\":\"object\","
                + "\"properties\":{\"a\":{\"$ref\":\"other.json\"}}}";
        assertThatThrownBy(() -> schemas.validate("t", McpJson.parse(schema), McpJson.parse("{\"a\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hits).hasValue(0);
    }

    @Test
    void aFileRefIsNeverRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"type\":\"string\"}");
        Schemas schemas = new Schemas(16);
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"" + file.toUri() + "\"}}}";
        assertThatThrownBy(() -> schemas.validate("t", McpJson.parse(schema), McpJson.parse("{\"a\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inDocumentRefsAndTheBundledMetaSchemasStillWork() {
        Schemas schemas = new Schemas(16);
        String schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"$defs\":{\"n\":{\"type\":\"integer\"}},\"properties\":{\"a\":{\"$ref\":\"#/$defs/n\"}}}";
        assertThat(schemas.validate("t", McpJson.parse(schema), McpJson.parse("{\"a\":1}")))
                .isEmpty();
        assertThat(schemas.validate("t", McpJson.parse(schema), McpJson.parse("{\"a\":\"x\"}")))
                .isNotEmpty();
        String draft7 = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                + "\"definitions\":{\"n\":{\"type\":\"integer\"}},\"properties\":{\"a\":{\"$ref\":\"#/definitions/n\"}}}";
        assertThat(schemas.validate("t", McpJson.parse(draft7), McpJson.parse("{\"a\":\"x\"}")))
                .isNotEmpty();
        String metaRef = "{\"type\":\"object\",\"properties\":{\"s\":{\"$ref\":"
                + "\"https://json-schema.org/draft/2020-12/schema\"}}}";
        assertThat(schemas.validate("t", McpJson.parse(metaRef), McpJson.parse("{\"s\":{\"type\":\"string\"}}")))
                .isEmpty();
        assertThat(hits).hasValue(0);
    }
}
