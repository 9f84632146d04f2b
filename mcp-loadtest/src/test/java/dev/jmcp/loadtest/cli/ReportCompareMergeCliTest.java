package dev.jmcp.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.internal.HistogramLog;
import dev.jmcp.loadtest.target.TestServers;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Against a real jmcp server over loopback HTTP: the 1.1 report echoes the configuration and the server, has
 * per-tool/resource/prompt stats with error classes and message samples, and names its {@code .hlog}, which holds
 * every request; {@code compare} passes a run against itself and fails a regression with exit 99; two
 * {@code --segment} runs {@code merge} into one report counting both.
 */
@Timeout(60)
class ReportCompareMergeCliTest {
    private static final String CONFIG =
            """
            [settings]
            seed = 7

            [[scenario]]
            type = "tools/call"
            tool = "echo"
            arguments = { text = "hi" }

            [[scenario]]
            type = "tools/call"
            tool = "fail"

            [[scenario]]
            type = "resources/read"
            uri = "mem://greeting"

            [[scenario]]
            type = "prompts/get"
            prompt = "greet"
            arguments = { name = "x" }
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

    private int run(Path cfg, Path reports, String url, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                "--config",
                cfg.toString(),
                "--vus",
                "2",
                "--iterations",
                "20",
                "--quiet",
                "--report-dir",
                reports.toString()));
        args.addAll(List.of(extra));
        args.add(url);
        return cli(args.toArray(String[]::new));
    }

    @Test
    void segmentRunsMergeIntoOneReportCountingBoth() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            String url = http.uri().toString();
            Path cfg = dir.resolve("loadtest.toml");
            Files.writeString(cfg, CONFIG);
            // two segments of the same run merge into one report counting both
            Path seg = dir.resolve("seg");
            assertThat(run(cfg, seg.resolve("1"), url, "--segment", "1/2"))
                    .as(err.toString())
                    .isZero();
            assertThat(run(cfg, seg.resolve("2"), url, "--segment", "2/2"))
                    .as(err.toString())
                    .isZero();
            Path j1 = only(seg.resolve("1"), ".json");
            Path j2 = only(seg.resolve("2"), ".json");
            assertThat(McpJson.parse(Files.readString(j1)).at("/segment").asString())
                    .isEqualTo("1/2");
            assertThat(McpJson.parse(Files.readString(j1))
                            .at("/generator/iterations")
                            .asLong())
                    .isEqualTo(10);
            Path merged = dir.resolve("merged/all.json");
            assertThat(cli("merge", "-o", merged.toString(), j1.toString(), j2.toString()))
                    .as(err.toString())
                    .isZero();
            JsonNode m = McpJson.parse(Files.readString(merged));
            long r1 =
                    McpJson.parse(Files.readString(j1)).at("/summary/requests").asLong();
            long r2 =
                    McpJson.parse(Files.readString(j2)).at("/summary/requests").asLong();
            assertThat(m.at("/summary/requests").asLong()).isEqualTo(r1 + r2);
            assertThat(m.at("/generator/iterations").asLong()).isEqualTo(20);
            assertThat(m.at("/segment").isMissingNode()).isTrue();
            assertThat(merged.resolveSibling("all.hlog")).exists();
            assertThat(merged.resolveSibling("all.html")).exists();
        }
    }

    @Test
    void reportNamesItsHistogramLogAndCompareGatesOnRegressions() throws Exception {
        try (McpServer server = TestServers.server();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            String url = http.uri().toString();
            Path cfg = dir.resolve("loadtest.toml");
            Files.writeString(cfg, CONFIG);

            Path base = dir.resolve("base");
            assertThat(run(cfg, base, url)).as(err.toString()).isZero();
            Path json = only(base, ".json");
            JsonNode r = McpJson.parse(Files.readString(json));
            assertThat(r.at("/schemaVersion").asString()).isEqualTo(LoadTestReport.SCHEMA_VERSION);
            assertThat(r.at("/server/name").asString()).isEqualTo("loadtest-fixture");
            assertThat(r.at("/server/protocolVersion").asString()).isNotEmpty();
            assertThat(r.at("/configuration/settings/model").asString()).isEqualTo("closed");
            assertThat(r.at("/configuration/scenarios").size()).isEqualTo(4);
            assertThat(r.at("/resources/mem:~1~1greeting/successes").asLong()).isPositive();
            assertThat(r.at("/prompts/greet/successes").asLong()).isPositive();
            assertThat(r.at("/tools/fail/errorsByClass/tool_error").asLong()).isPositive();
            assertThat(r.at("/operations/tools~1call/errorsByClass/tool_error").asLong())
                    .isPositive();
            assertThat(r.at("/errorSamples/tool_error/0").asString()).contains("isError");
            assertThat(r.at("/generator/processors").asInt()).isPositive();

            // the .hlog holds every request of the run
            Path hlog = base.resolve(r.at("/histogramLog").asString());
            assertThat(hlog).exists();
            Map<String, Histogram> tags = HistogramLog.read(hlog);
            long ok = tags.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("ok.op:"))
                    .mapToLong(e -> e.getValue().getTotalCount())
                    .sum();
            long failed = tags.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("err.op:"))
                    .mapToLong(e -> e.getValue().getTotalCount())
                    .sum();
            assertThat(ok).isEqualTo(r.at("/summary/successes").asLong());
            assertThat(failed).isEqualTo(r.at("/summary/errors").asLong());
            assertThat(tags).containsKeys("ok.resource:mem://greeting", "ok.prompt:greet", "err.tool:fail");

            // a run compared with itself is within the limits (percentiles from the .hlog)
            Path html = dir.resolve("cmp.html");
            assertThat(cli("compare", json.toString(), json.toString(), "--html", html.toString()))
                    .as(out.toString())
                    .isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("within the limits", "from the histogram logs");
            assertThat(Files.readString(html)).contains("<table>");

            // a current report whose p99 tripled and error rate rose regresses: exit 99
            ObjectNode worse = (ObjectNode) McpJson.parse(Files.readString(json));
            worse.remove("histogramLog");
            ObjectNode lat = (ObjectNode) worse.at("/summary/latency");
            lat.put("p99Ms", lat.get("p99Ms").asDouble() * 3 + 1);
            ((ObjectNode) worse.at("/summary"))
                    .put("errorRate", r.at("/summary/errorRate").asDouble() + 0.2);
            worse.put("someFutureField", "readers ignore it");
            Path worseFile = dir.resolve("worse.json");
            Files.writeString(worseFile, worse.toString());
            assertThat(cli("compare", json.toString(), worseFile.toString())).isEqualTo(LoadTestCli.EXIT_THRESHOLD);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("REGRESSED", "p99 ms", "error rate %");
            // a looser limit lets the p99 pass, the error rate still fails
            assertThat(cli(
                            "compare",
                            json.toString(),
                            worseFile.toString(),
                            "--max-p99-increase",
                            "1000%",
                            "--max-error-rate-increase",
                            "50%"))
                    .as(out.toString())
                    .isZero();
        }
    }
}
