package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.cli.LoadTestCli;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports with {@code mcpScenarios} (schema 1.3) from the command line: a TOML config with a progress step and
 * {@code [idle_streams]}, run as two segments (each holds its share of the streams); {@code merge} combines them
 * (counts summed, latencies from the segments' histograms) and {@code compare} reads them, also with a field from a
 * future minor version.
 */
@Timeout(60)
class DeepReportsCompareAndMergeTest {
    private static final String CONFIG =
            """
            [settings]
            seed = 3
            max_workers = 4

            [[scenario]]
            type = "tools/call"
            tool = "work"
            progress = true

            [idle_streams]
            sessions = 2
            """;

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

    private static Path only(Path d, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(l).hasSize(1);
            return l.get(0);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asString()));
        return l;
    }

    private static List<String> carriedWarnings(List<JsonNode> segments) {
        List<String> l = new ArrayList<>();
        for (JsonNode r : segments) {
            String who = "segment " + r.path("segment").asString();
            texts(r.path("warnings")).forEach(w -> l.add(who + ": " + w));
        }
        return l;
    }

    @Test
    void segmentReportsWithMcpScenariosMergeAndCompare() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            Path cfg = dir.resolve("loadtest.toml");
            Files.writeString(cfg, CONFIG);
            for (String seg : List.of("1", "2")) {
                assertThat(cli(
                                "run",
                                "--config",
                                cfg.toString(),
                                "--rate",
                                "8",
                                "--duration",
                                "1s",
                                "--quiet",
                                "--segment",
                                seg + "/2",
                                "--report-dir",
                                dir.resolve(seg).toString(),
                                http.uri().toString()))
                        .as(err.toString() + out)
                        .isZero();
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("progress:", "idle streams (get)");
            }
            Path j1 = only(dir.resolve("1"), ".json");
            Path j2 = only(dir.resolve("2"), ".json");
            JsonNode r1 = McpJson.parse(Files.readString(j1));
            assertThat(r1.at("/schemaVersion").asString()).isEqualTo("1.3");
            assertThat(r1.at("/mcpScenarios/histograms/progress.timeToFirstProgress")
                            .asString())
                    .isNotEmpty();
            assertThat(r1.at("/mcpScenarios/progress/calls").asLong()).isPositive();
            assertThat(r1.at("/mcpScenarios/idleStreams/opened").asInt()).isEqualTo(1);
            assertThat(r1.at("/configuration/scenarios/0/steps/0/progress").asBoolean())
                    .isTrue();
            assertThat(r1.at("/configuration/mcpScenarios/idleStreams/sessions").asInt())
                    .isEqualTo(2);

            Path merged = dir.resolve("merged.json");
            assertThat(cli("merge", "-o", merged.toString(), j1.toString(), j2.toString()))
                    .as(err.toString())
                    .isZero();
            JsonNode m = McpJson.parse(Files.readString(merged));
            JsonNode r2 = McpJson.parse(Files.readString(j2));
            assertThat(m.at("/summary/requests").asLong())
                    .isEqualTo(r1.at("/summary/requests").asLong()
                            + r2.at("/summary/requests").asLong());
            assertThat(m.at("/mcpScenarios/progress/calls").asLong())
                    .isEqualTo(r1.at("/mcpScenarios/progress/calls").asLong()
                            + r2.at("/mcpScenarios/progress/calls").asLong());
            assertThat(m.at("/mcpScenarios/progress/timeToFirstProgress/count").asLong())
                    .isEqualTo(r1.at("/mcpScenarios/progress/timeToFirstProgress/count")
                                    .asLong()
                            + r2.at("/mcpScenarios/progress/timeToFirstProgress/count")
                                    .asLong());
            assertThat(m.at("/mcpScenarios/idleStreams/requested").asInt()).isEqualTo(2);
            assertThat(m.at("/mcpScenarios/idleStreams/opened").asInt()).isEqualTo(2);
            // the merge adds no warning of its own (the scenarios merged); a segment's own warning, such as a
            // generator saturated by a busy machine, is carried over with the segment's name
            assertThat(texts(m.path("warnings")))
                    .as(m.toString())
                    .containsExactlyElementsOf(carriedWarnings(List.of(r1, r2)));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("progress:", "idle streams (get): 2 of 2");

            // a reader of 1.2 ignores what a later 1.x adds
            ObjectNode future = (ObjectNode) McpJson.parse(Files.readString(j2));
            future.put("schemaVersion", "1.9");
            ((ObjectNode) future.get("mcpScenarios")).put("somethingNew", 1);
            future.put("anotherSection", "x");
            Path futureFile = dir.resolve("2").resolve("future.json");
            Files.writeString(futureFile, McpJson.write(future));
            assertThat(cli(
                            "compare",
                            j1.toString(),
                            futureFile.toString(),
                            "--max-p99-increase",
                            "100000%",
                            "--max-p50-increase",
                            "100000%",
                            "--max-throughput-decrease",
                            "100%",
                            "--max-error-rate-increase",
                            "100%"))
                    .as(out.toString() + err)
                    .isZero();
        }
    }
}
