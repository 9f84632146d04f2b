package dev.jmcp.loadtest.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.ReportFiles;
import dev.jmcp.loadtest.ReportMerge;
import dev.jmcp.loadtest.cli.LoadTestCli;
import dev.jmcp.loadtest.internal.EncodedHistograms;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP-deep scenarios under distributed generation, against a real jmcp server over loopback HTTP: two {@code run
 * --segment i/2} commands run at the same time (one thread each), then {@code merge}. {@code [idle_streams]} and
 * {@code [idle_expiry]} split their sessions by index ({@code k mod 2}), {@code [subscribe]} and {@code
 * [resumption]} run in segment 1 only, progress steps go with their arrivals; the merged {@code mcpScenarios} holds
 * exactly the configured sessions, counts summed and latencies from the added histograms.
 */
@Timeout(60)
class SegmentedScenariosMergeTest {
    private static final String LOAD =
            """
            [settings]
            rate = 8
            max_workers = 4
            duration = "1500ms"
            timeout = "2s"
            session_mode = "persistent"

            [[scenario]]
            type = "tools/call"
            tool = "work"
            progress = true
            """;

    @TempDir
    Path dir;

    @Test
    void sessionScenariosSplitBySessionIndexAndSubscribeRunsInSegmentOneOnly() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            List<LoadTestReport> parts = runSegments(
                    http,
                    """
                    [idle_streams]
                    sessions = 3

                    [idle_expiry]
                    sessions = 3
                    idle = "300ms"

                    [subscribe]
                    sessions = 2
                    uri = "mem://counter"
                    trigger = { tool = "bump" }
                    interval = "100ms"
                    """);
            McpScenarios s1 = parts.get(0).mcpScenarios();
            McpScenarios s2 = parts.get(1).mcpScenarios();
            // sessions k = 0, 2 in segment 1; k = 1 in segment 2
            assertThat(s1.idleStreams().requested()).isEqualTo(2);
            assertThat(s2.idleStreams().requested()).isEqualTo(1);
            assertThat(s1.idleStreams().opened() + s2.idleStreams().opened()).isEqualTo(3);
            assertThat(s1.idleExpiry().sessions()).isEqualTo(2);
            assertThat(s2.idleExpiry().sessions()).isEqualTo(1);
            assertThat(s2.idleExpiry().reuses()).as(s2.idleExpiry().toString()).isPositive();
            // the fan-out measures trigger to notification on one clock: segment 1 only
            assertThat(s1.subscriptions().sessions()).isEqualTo(2);
            assertThat(s1.subscriptions().received()).isPositive();
            assertThat(s2.subscriptions()).isNull();

            LoadTestReport merged = mergedReport();
            SchemaCheck.validAndReadable(merged, dir);
            McpScenarios m = merged.mcpScenarios();
            // the merge adds no warning of its own; a segment's (a generator saturated by a busy machine) is carried
            assertThat(merged.warnings()).isEqualTo(carriedWarnings(parts));
            assertThat(m.idleStreams().requested()).isEqualTo(3);
            assertThat(m.idleStreams().opened()).isEqualTo(3);
            assertThat(m.idleStreams().openAtEnd()).isEqualTo(3);
            assertThat(m.idleExpiry().sessions()).isEqualTo(3);
            assertThat(m.idleExpiry().reuses())
                    .isEqualTo(s1.idleExpiry().reuses() + s2.idleExpiry().reuses());
            assertThat(m.subscriptions()).isEqualTo(s1.subscriptions());
            assertThat(m.progress().calls())
                    .isEqualTo(s1.progress().calls() + s2.progress().calls())
                    .isEqualTo(merged.summary().requests());
            assertThat(s1.progress().calls()).isPositive();
            assertThat(s2.progress().calls()).isPositive();
            Histogram added = EncodedHistograms.decode(s1.histograms().get(McpScenarios.FIRST_PROGRESS));
            added.add(EncodedHistograms.decode(s2.histograms().get(McpScenarios.FIRST_PROGRESS)));
            assertThat(m.progress().timeToFirstProgress().count()).isEqualTo(added.getTotalCount());
            assertThat(m.progress().timeToFirstProgress().p99Ms()).isEqualTo(added.getValueAtPercentile(99) / 1000.0);
            assertThat(m.progress().timeToFirstProgress().maxMs()).isEqualTo(added.getMaxValue() / 1000.0);
        }
    }

    @Test
    void resumptionRunsWholeInSegmentOneAndMergesAsItsFigures() throws Exception {
        try (McpServer server = DeepServer.create();
                McpHttpServer http = McpHttpServer.builder(server).port(0).start()) {
            List<LoadTestReport> parts = runSegments(
                    http,
                    """
                    [resumption]
                    sessions = 3
                    uri = "mem://counter"
                    trigger = { tool = "bump" }
                    interval = "50ms"
                    drop_every = "300ms"
                    """);
            McpScenarios.Resumption z = parts.get(0).mcpScenarios().resumption();
            assertThat(z.sessions()).isEqualTo(3);
            assertThat(z.resumed()).as(z.toString()).isPositive();
            assertThat(z.events()).as(z.toString()).isEqualTo(z.triggers() * 3);
            assertThat(parts.get(1).mcpScenarios().resumption()).isNull();

            LoadTestReport merged = mergedReport();
            SchemaCheck.validAndReadable(merged, dir);
            assertThat(merged.mcpScenarios().resumption()).isEqualTo(z);
        }
    }

    /** Runs segments 1/2 and 2/2 at the same time, each into its own directory; their reports in segment order. */
    private List<LoadTestReport> runSegments(McpHttpServer http, String sections) throws Exception {
        Path cfg = dir.resolve("loadtest.toml");
        Files.writeString(cfg, LOAD + sections);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (String seg : List.of("1", "2")) {
                runs.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    int code = LoadTestCli.execute(
                            new String[] {
                                "run",
                                "--config",
                                cfg.toString(),
                                "--quiet",
                                "--segment",
                                seg + "/2",
                                "--report-dir",
                                dir.resolve(seg).toString(),
                                http.uri().toString()
                            },
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(out, true, StandardCharsets.UTF_8));
                    return code + " " + out.toString(StandardCharsets.UTF_8);
                }));
            }
            for (Future<String> f : runs) {
                assertThat(f.get(40, TimeUnit.SECONDS)).startsWith("0 ");
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(ReportFiles.readJson(json("1")), ReportFiles.readJson(json("2")));
    }

    /** The segments' own warnings as a merge carries them, or {@code null} when they have none. */
    private static List<String> carriedWarnings(List<LoadTestReport> parts) {
        List<String> l = new ArrayList<>();
        for (LoadTestReport r : parts) {
            if (r.warnings() != null) {
                r.warnings().forEach(w -> l.add("segment " + r.segment() + ": " + w));
            }
        }
        return l.isEmpty() ? null : l;
    }

    private LoadTestReport mergedReport() throws Exception {
        return ReportMerge.merge(List.of(json("1"), json("2"))).report();
    }

    private Path json(String segment) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve(segment))) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(l).hasSize(1);
            return l.get(0);
        }
    }
}
