package dev.jmcp.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.internal.SchemaArguments;
import dev.jmcp.loadtest.target.TestServers;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Against a real jmcp server over loopback HTTP: {@code run --discover} calls every tool with arguments generated from
 * its inputSchema (fixed seed), reads every resource and gets every prompt; {@code era-ab} runs the scenario in the
 * handshake era and stateless and prints both side by side.
 */
@Timeout(60)
class DiscoverAndEraAbCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        out.reset();
        err.reset();
        return LoadTestCli.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path d, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void generatedArgumentsFollowTheSchemaAndTheSeed() {
        JsonNode schema = McpJson.parse("{\"type\":\"object\",\"required\":[\"n\",\"mode\",\"tags\"],\"properties\":{"
                + "\"n\":{\"type\":\"integer\",\"minimum\":5,\"maximum\":9},"
                + "\"mode\":{\"enum\":[\"a\",\"b\"]},"
                + "\"tags\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\",\"maxLength\":4}},"
                + "\"opt\":{\"type\":\"boolean\"}}}");
        for (long seed = 0; seed < 50; seed++) {
            JsonNode a = SchemaArguments.generate(schema, seed);
            assertThat(a).isEqualTo(SchemaArguments.generate(schema, seed));
            assertThat(a.get("n").asInt()).isBetween(5, 9);
            assertThat(a.get("mode").asString()).isIn("a", "b");
            assertThat(a.get("tags").size()).isPositive();
            assertThat(a.get("tags").get(0).asString().length()).isBetween(1, 4);
        }
    }

    @Test
    void discoverCallsEveryToolResourceAndPromptAndEraAbReportsBothEras() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            String url = http.uri().toString();
            Path reports = dir.resolve("discover");
            int code = cli(
                    "run",
                    "--discover",
                    "--vus",
                    "3",
                    "--iterations",
                    "24",
                    "--seed",
                    "3",
                    "--quiet",
                    "--report-dir",
                    reports.toString(),
                    url);
            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--discover: 4 tools, 1 resources, 1 prompts");
            JsonNode r = McpJson.parse(Files.readString(files(reports, ".json").get(0)));
            assertThat(r.at("/configuration/scenarios").size()).isEqualTo(6);
            assertThat(r.at("/tools/echo/successes").asLong()).isPositive(); // "text" generated from the schema
            assertThat(r.at("/tools/fail/errorsByClass/tool_error").asLong()).isPositive();
            assertThat(r.at("/resources").size()).isEqualTo(1);
            assertThat(r.at("/prompts/greet/successes").asLong()).isPositive();

            Path cfg = dir.resolve("loadtest.toml");
            Files.writeString(
                    cfg, "[[scenario]]\ntype = \"tools/call\"\ntool = \"echo\"\narguments = { text = \"x\" }\n");
            Path ab = dir.resolve("ab");
            code = cli(
                    "era-ab",
                    "--config",
                    cfg.toString(),
                    "--vus",
                    "2",
                    "--iterations",
                    "10",
                    "--quiet",
                    "--report-dir",
                    ab.toString(),
                    url);
            assertThat(code).as(err.toString()).isZero();
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("== era A/B: 2025-11-25 (handshake) vs 2026-07-28 (stateless)");
            assertThat(text).contains("handshake", "stateless", "p99 ms", "throughput req/s");
            List<Path> json = files(ab, ".json");
            assertThat(json).hasSize(2);
            JsonNode a = McpJson.parse(Files.readString(json.get(0)));
            JsonNode b = McpJson.parse(Files.readString(json.get(1)));
            assertThat(List.of(
                            a.at("/sessionMode").asString(),
                            b.at("/sessionMode").asString()))
                    .containsExactlyInAnyOrder("persistent", "stateless");
        }
    }
}
