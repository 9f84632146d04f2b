package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.ReportFiles;
import dev.jmcp.loadtest.ReportMerge;
import dev.jmcp.loadtest.Segment;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.StepDetail;
import dev.jmcp.loadtest.target.StepOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed generation is exact: N segments ({@code --segment i/n}) offer exactly the whole schedule between them,
 * and {@code merge} of their JSON reports and {@code .hlog} files gives the same figures as one run that recorded
 * every request: counts, and percentiles equal within HdrHistogram's precision (here: equal, since the same values
 * land in the same buckets). Each "run" is the real schedule, recorders, interval cutting, histogram log and report
 * assembly in virtual time, against a server whose latency is a fixed function of the arrival's intended time. The
 * MCP-deep section ({@code mcpScenarios}: progress and task steps, recorded by the real recorder) merges exactly too.
 */
class SegmentMergeExactnessTest {
    private static final long S = 1_000_000_000L;
    private static final StepKeys ECHO = StepKeys.of(Operation.TOOLS_CALL, "echo");

    @TempDir
    Path dir;

    private static LoadTestConfig config() {
        return new LoadTestConfig(
                null,
                LoadTestConfig.Settings.defaults().withModel(LoadModel.OPEN),
                List.of(),
                List.of(
                        new Stage("ramp", Duration.ofSeconds(4), 0, 300, true),
                        new Stage("steady", Duration.ofSeconds(3), 0, 300, false)),
                List.of("p99<50ms", "error_rate<5%"),
                LoadTestConfig.BreakingPointSettings.defaults(),
                LoadTestConfig.CeilingSettings.defaults(),
                "test");
    }

    /** A deterministic server: latency and failure depend only on the arrival's intended time. */
    private static long latencyMicros(long offset) {
        return 150 + (offset / 1000 * 7919) % 40_000;
    }

    private static boolean fails(long offset) {
        return (offset / 1000) % 53 == 0;
    }

    /**
     * The MCP-deep step of an arrival, a fixed function of its intended time: every third is a task (polls and state
     * from the offset), the others report progress (first progress from the offset, a few without any).
     */
    private static void recordDeepStep(StepDetailRecorder deep, long offset, long serviceMicros) {
        long k = offset / 1000;
        if (k % 3 == 0) {
            int polls = (int) (k % 7);
            deep.record(StepDetail.task(polls, k % 11 == 0 ? "failed" : "completed", -1), serviceMicros * 4000);
        } else {
            long first = k % 17 == 0 ? -1 : (50 + (k * 31) % 9_000) * 1000;
            deep.record(StepDetail.progress(first), serviceMicros * 1000);
        }
    }

    private Path run(Segment segment, String name) throws Exception {
        return run(segment, name, config(), SegmentMergeExactnessTest::latencyMicros);
    }

    /** One run (or segment) of {@code config} against a server whose latency is {@code latency(intended offset)}. */
    private Path run(Segment segment, String name, LoadTestConfig config, LongUnaryOperator latency) throws Exception {
        LoadPlan plan = LoadPlan.of(config);
        MetricsHub hub = new MetricsHub(Duration.ofSeconds(30).toNanos());
        BreakingPointDetector detector = new BreakingPointDetector(config.breakingPoint());
        StepDetailRecorder deep = new StepDetailRecorder();
        WorkerMetrics worker = hub.newWorker();
        Measurements m = new Measurements(plan);
        Path hlog = dir.resolve(name + ".hlog");
        ArrivalSchedule schedule = new ArrivalSchedule(plan, segment);
        long nextCut = S;
        int phase = 0;
        m.stageStarted(0, 0);
        try (HistogramLog log = HistogramLog.create(hlog, 1_000_000L, name)) {
            long offset = schedule.next();
            while (nextCut <= plan.endNanos()) {
                while (offset >= 0 && offset < nextCut) {
                    hub.recordArrival(0, true);
                    worker.beginIteration();
                    long us = latency.applyAsLong(offset);
                    StepOutcome outcome = fails(offset)
                            ? StepOutcome.jsonRpcError(-32603, "boom at " + offset)
                            : StepOutcome.success(null);
                    worker.record(ECHO, outcome, us * 1000, us * 1000);
                    worker.endIteration();
                    recordDeepStep(deep, offset, us);
                    offset = schedule.next();
                }
                int cutPhase = plan.phaseAt(nextCut - 1);
                if (cutPhase != phase) {
                    m.stageEnded(phase, plan.phases().get(phase).endNanos());
                    phase = cutPhase;
                    m.stageStarted(phase, plan.phases().get(phase).startNanos());
                }
                IntervalData d = hub.snapshot(nextCut, cutPhase);
                d.offeredLoad(d.scheduled() / d.seconds());
                m.add(d, Reports.point(d), cutPhase);
                detector.observe(d);
                log.write(d);
                nextCut += S;
            }
            m.stageEnded(phase, plan.endNanos());
        }
        LoadTestReport report = new ReportAssembler(config, plan, m)
                .assemble(
                        "sim",
                        Instant.ofEpochMilli(1_000_000L),
                        "completed",
                        0,
                        detector.found(),
                        new ReportAssembler.Extras(
                                hub.errorSamples().snapshot(),
                                Map.of(),
                                hlog.getFileName().toString(),
                                segment.whole() ? null : segment.toString(),
                                List.of(),
                                null,
                                0,
                                0));
        McpScenarios.Progress progress = deep.progress();
        McpScenarios.Tasks tasks = deep.tasks();
        Map<String, String> histograms = new TreeMap<>();
        deep.histograms(histograms);
        report = report.withMcpScenarios(new McpScenarios(
                progress,
                tasks,
                null,
                new McpScenarios.IdleStreams("get", (int) segment.share(10), (int) segment.share(10), 0, 0, 0, 7),
                null,
                null,
                histograms));
        Path json = dir.resolve(name + ".json");
        ReportFiles.writeJson(report, json);
        return json;
    }

    @Test
    void segmentsPartitionTheScheduleExactly() {
        LoadPlan plan = LoadPlan.of(config());
        List<Long> whole = new ArrayList<>();
        ArrivalSchedule all = new ArrivalSchedule(plan);
        for (long t; (t = all.next()) >= 0; ) {
            whole.add(t);
        }
        List<Long> union = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i <= 4; i++) {
            ArrivalSchedule s = new ArrivalSchedule(plan, new Segment(i, 4));
            for (long t; (t = s.next()) >= 0; ) {
                union.add(t);
                assertThat(seen.add(t)).as("arrival at %d taken twice", t).isTrue();
            }
        }
        union.sort(Long::compare);
        assertThat(whole).hasSizeGreaterThan(1000);
        assertThat(union).isEqualTo(whole);
    }

    @Test
    void mergedSegmentsEqualOneRunThatRecordedEverything() throws Exception {
        LoadTestReport single = ReportFiles.readJson(run(Segment.WHOLE, "single"));
        List<Path> parts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            parts.add(run(new Segment(i, 4), "segment" + i));
        }
        LoadTestReport merged = ReportMerge.merge(parts).report();

        assertThat(merged.summary().requests())
                .isEqualTo(single.summary().requests())
                .isGreaterThan(1000);
        assertThat(merged.summary().errors())
                .isEqualTo(single.summary().errors())
                .isPositive();
        assertThat(merged.summary().latency()).isEqualTo(single.summary().latency());
        assertThat(merged.summary().errorLatency()).isEqualTo(single.summary().errorLatency());
        assertThat(merged.summary().effectiveLatency())
                .isEqualTo(single.summary().effectiveLatency());
        assertThat(merged.summary().errorsByClass()).isEqualTo(single.summary().errorsByClass());
        assertThat(merged.tools().get("echo").latency())
                .isEqualTo(single.tools().get("echo").latency());
        assertThat(merged.tools().get("echo").errorsByClass())
                .isEqualTo(single.tools().get("echo").errorsByClass())
                .containsKey("jsonrpc:-32603");
        assertThat(merged.generator().scheduledArrivals())
                .isEqualTo(single.generator().scheduledArrivals());
        assertThat(merged.intervals()).hasSameSizeAs(single.intervals());
        for (int i = 0; i < single.intervals().size(); i++) {
            LoadTestReport.IntervalPoint a = single.intervals().get(i);
            LoadTestReport.IntervalPoint b = merged.intervals().get(i);
            assertThat(b.requests()).isEqualTo(a.requests());
            assertThat(b.latency()).isEqualTo(a.latency());
            assertThat(b.offeredLoad()).isCloseTo(a.offeredLoad(), within(0.01));
        }
        assertThat(merged.stages()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(merged.stages().get(i).stats().requests())
                    .isEqualTo(single.stages().get(i).stats().requests());
            assertThat(merged.stages().get(i).stats().latency())
                    .isEqualTo(single.stages().get(i).stats().latency());
        }
        // thresholds are evaluated again on the merged figures
        assertThat(merged.thresholds())
                .extracting(LoadTestReport.ThresholdResult::passed)
                .isEqualTo(single.thresholds().stream()
                        .map(LoadTestReport.ThresholdResult::passed)
                        .toList());
        assertThat(merged.errorSamples()).containsKey("jsonrpc:-32603");
    }

    @Test
    void mergedMcpScenariosEqualOneRunsFromTheSegmentsHistograms() throws Exception {
        McpScenarios single = ReportFiles.readJson(run(Segment.WHOLE, "single")).mcpScenarios();
        List<Path> parts = new ArrayList<>();
        List<McpScenarios> sections = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path p = run(new Segment(i, 3), "segment" + i);
            parts.add(p);
            sections.add(ReportFiles.readJson(p).mcpScenarios());
        }
        LoadTestReport mergedReport = ReportMerge.merge(parts).report();
        McpScenarios merged = mergedReport.mcpScenarios();

        assertThat(merged.progress().calls())
                .isEqualTo(single.progress().calls())
                .isGreaterThan(500);
        assertThat(merged.progress().withProgress())
                .isEqualTo(single.progress().withProgress())
                .isLessThan(single.progress().calls());
        assertThat(merged.progress().timeToFirstProgress())
                .isEqualTo(single.progress().timeToFirstProgress());
        assertThat(merged.progress().callLatency()).isEqualTo(single.progress().callLatency());
        assertThat(merged.tasks()).isEqualTo(single.tasks());
        assertThat(merged.tasks().states()).containsKeys("completed", "failed");
        assertThat(merged.idleStreams().requested()).isEqualTo(10);
        // the merged section carries the added histograms (so merged reports merge again): the single run's values
        assertThat(merged.histograms()).containsOnlyKeys(single.histograms().keySet());
        single.histograms().forEach((k, v) -> assertThat(
                        EncodedHistograms.decode(merged.histograms().get(k)))
                .as(k)
                .isEqualTo(EncodedHistograms.decode(v)));
        assertThat(mergedReport.warnings()).isNull();

        // averaging the segments' percentiles would not have given the single run's (the test would not prove much
        // if it did)
        double averagedP99 = sections.stream()
                        .mapToDouble(m -> m.progress().timeToFirstProgress().p99Ms())
                        .sum()
                / 3;
        assertThat(averagedP99)
                .isNotEqualTo(single.progress().timeToFirstProgress().p99Ms());
    }

    @Test
    void breakingPointIsDetectedAgainOnTheMergedIntervals() throws Exception {
        // 10 s at a steady 200/s; the server's latency rises from ~2 ms to ~40 ms at 6 s: one run finds
        // latency_degradation a few intervals later
        LoadTestConfig config = new LoadTestConfig(
                null,
                LoadTestConfig.Settings.defaults().withModel(LoadModel.OPEN),
                List.of(),
                List.of(new Stage("steady", Duration.ofSeconds(10), 0, 200, false)),
                List.of(),
                LoadTestConfig.BreakingPointSettings.defaults(),
                LoadTestConfig.CeilingSettings.defaults(),
                "test");
        LongUnaryOperator latency = offset -> (offset < 6 * S ? 2_000 : 40_000) + (offset / 1000 * 7919) % 500;
        LoadTestReport single = ReportFiles.readJson(run(Segment.WHOLE, "single", config, latency));
        List<Path> parts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            parts.add(run(new Segment(i, 4), "segment" + i, config, latency));
        }
        LoadTestReport merged = ReportMerge.merge(parts).report();

        assertThat(single.breakingPoint()).isNotNull();
        assertThat(single.breakingPoint().reason()).isEqualTo("latency_degradation");
        assertThat(single.breakingPoint().atSeconds()).isBetween(6.0, 10.0);
        LoadTestReport.BreakingPoint b = merged.breakingPoint();
        assertThat(b).as("merged report's breaking point").isNotNull();
        assertThat(b.reason()).isEqualTo(single.breakingPoint().reason());
        assertThat(b.atSeconds()).isEqualTo(single.breakingPoint().atSeconds());
        assertThat(b.intervalIndex()).isEqualTo(single.breakingPoint().intervalIndex());
        assertThat(b.offeredLoad()).isCloseTo(single.breakingPoint().offeredLoad(), within(0.01));
        assertThat(b.lastHealthySeconds()).isEqualTo(single.breakingPoint().lastHealthySeconds());
        // the detector's settings travel in the configuration echo: no "ran with its defaults" warning
        assertThat(merged.warnings()).allSatisfy(w -> assertThat(w).doesNotContain("defaults"));
    }

    @Test
    void noBreakingPointInTheMergedReportWhenTheWholeLoadIsHealthy() throws Exception {
        LoadTestReport single = ReportFiles.readJson(run(Segment.WHOLE, "single"));
        List<Path> parts = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            parts.add(run(new Segment(i, 2), "segment" + i));
        }
        assertThat(single.breakingPoint()).isNull();
        assertThat(ReportMerge.merge(parts).report().breakingPoint()).isNull();
    }

    @Test
    void segmentsWithoutHistogramsAreNotMergedButNamedInAWarning() {
        McpScenarios.Progress p = new McpScenarios.Progress(
                3,
                3,
                new LoadTestReport.Latency(3, 1, 2, 2, 3, 3, 3, 3, 3),
                new LoadTestReport.Latency(3, 1, 2, 2, 3, 3, 3, 3, 3));
        McpScenariosMerge.Result r = McpScenariosMerge.merge(
                java.util.Arrays.asList(new McpScenarios(p, null, null, null, null, null), null));
        assertThat(r.section()).isNull();
        assertThat(r.problem()).contains("progress.timeToFirstProgress", "1.3");
        assertThat(McpScenariosMerge.merge(java.util.Arrays.asList(null, null)).section())
                .isNull();
    }
}
