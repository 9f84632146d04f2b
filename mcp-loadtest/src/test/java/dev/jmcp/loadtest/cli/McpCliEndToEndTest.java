package dev.jmcp.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
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

/** {@code init} then {@code run} against a real jmcp server over loopback HTTP, as a user would. */
@Timeout(60)
class McpCliEndToEndTest {
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
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void initDiscoversTheServerAndRunGatesOnThresholds() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            String url = http.uri().toString();
            Path cfg = dir.resolve("loadtest.toml");

            assertThat(cli("init", "-o", cfg.toString(), url))
                    .as(err.toString())
                    .isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 tools, 1 resources, 1 prompts");
            String generated = Files.readString(cfg);
            assertThat(generated)
                    .contains("tool = \"echo\"", "tool = \"fail\"", "tool = \"slow\"", "tool = \"counter\"")
                    .contains("uri = \"mem://greeting\"", "prompt = \"greet\"", "url = \"" + url + "\"")
                    .contains("[[stage]]");
            // the generated ramp takes minutes; one virtual user bounded by iterations runs the same scenarios with
            // the config's seed, so which ones run is fixed
            String toml = generated.substring(0, generated.indexOf("\n[[stage]]"));
            Files.writeString(cfg, toml);

            // the generated thresholds include error_rate<1%; the `fail` tool always answers isError: exit 99
            Path reports = dir.resolve("reports");
            Path junit = dir.resolve("junit.xml");
            int code = cli(
                    "run",
                    "--config",
                    cfg.toString(),
                    "--vus",
                    "1",
                    "--iterations",
                    "12",
                    "--quiet",
                    "--report-dir",
                    reports.toString(),
                    "--junit",
                    junit.toString(),
                    url);
            assertThat(code).as(err.toString()).isEqualTo(LoadTestCli.EXIT_THRESHOLD);
            assertThat(files(reports, ".html")).hasSize(1);
            List<Path> json = files(reports, ".json");
            assertThat(json).hasSize(1);
            JsonNode report = McpJson.parse(Files.readString(json.get(0)));
            assertThat(report.at("/target").asString()).isEqualTo(url);
            assertThat(report.at("/summary/requests").asLong()).isPositive();
            assertThat(report.at("/summary/errorsByClass/tool_error").asLong()).isPositive();
            assertThat(report.at("/summary/errorsByClass/connection").isMissingNode())
                    .isTrue();
            assertThat(report.at("/operations/tools~1call/successes").asLong()).isPositive();
            assertThat(report.at("/durationSeconds").asDouble()).isLessThan(10);
            assertThat(Files.readString(junit)).contains("<failure");

            // a threshold that holds: exit 0
            Files.writeString(cfg, toml.replaceFirst("(?m)^thresholds = .*$", "thresholds = [\"requests>0\"]"));
            code = cli(
                    "run",
                    "--config",
                    cfg.toString(),
                    "--vus",
                    "1",
                    "--iterations",
                    "3",
                    "--quiet",
                    "--report-dir",
                    reports.toString(),
                    "--junit",
                    junit.toString(),
                    url);
            assertThat(code).as(err.toString()).isEqualTo(LoadTestCli.EXIT_OK);
            assertThat(Files.readString(junit)).contains("failures=\"0\"");
        }
    }
}
