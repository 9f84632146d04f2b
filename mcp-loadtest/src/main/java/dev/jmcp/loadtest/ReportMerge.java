package dev.jmcp.loadtest;

import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.LoadTestReport.Stats;
import dev.jmcp.loadtest.internal.HistogramLog;
import dev.jmcp.loadtest.internal.IntervalData;
import dev.jmcp.loadtest.internal.McpScenariosMerge;
import dev.jmcp.loadtest.internal.MergedBreakingPoint;
import dev.jmcp.loadtest.internal.Reports;
import dev.jmcp.loadtest.internal.Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Joins the outputs of N execution segments ({@code run --segment i/n}, each a JSON report and its {@code .hlog})
 * into one report of the whole load. Exact: every latency figure (run, per operation/tool/resource/prompt, per
 * stage, per interval) is computed from the segments' histograms added together, never from averaged percentiles,
 * so the merged percentiles are those of one run that recorded every request (within HdrHistogram's 3 significant
 * digits); counts are sums; intervals are matched by their start offset (each segment cuts on the same grid from
 * its own start). Thresholds from the configuration are evaluated again on the merged figures, and the breaking-point
 * detector runs again over the merged intervals with the run's settings (each segment's own finding is kept as a
 * warning). The MCP-deep scenarios' section ({@code
 * mcpScenarios}) is merged the same way: counts summed, latencies from the segments' histograms (see {@link
 * McpScenariosMerge}).
 */
public final class ReportMerge {
    private ReportMerge() {}

    /** A merged report and the histogram intervals it was computed from (to write a merged {@code .hlog}). */
    public record Result(LoadTestReport report, List<IntervalData> intervals) {}

    /**
     * Merges the segment reports (each with its histogram log next to it).
     *
     * @param reportFiles the report files
     * @return the merged result
     * @throws IOException if a file cannot be read or written
     */
    public static Result merge(List<Path> reportFiles) throws IOException {
        if (reportFiles.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one report");
        }
        List<LoadTestReport> parts = new ArrayList<>();
        List<List<HistogramLog.Interval>> logs = new ArrayList<>();
        for (Path f : reportFiles) {
            LoadTestReport r = ReportFiles.readJson(f);
            Path log = ReportFiles.histogramLogOf(f, r);
            if (log == null || !Files.isRegularFile(log)) {
                throw new IOException(f + ": its histogram log " + (log == null ? "(none named)" : log)
                        + " is missing; merge needs the .hlog of every segment");
            }
            parts.add(r);
            logs.add(HistogramLog.intervals(log));
        }
        LoadTestReport first = parts.get(0);
        double seconds = parts.stream()
                .mapToDouble(LoadTestReport::durationSeconds)
                .max()
                .orElse(0);

        // intervals on the common grid: key = start offset in tenths of a second
        TreeMap<Long, IntervalData> grid = new TreeMap<>();
        TreeMap<Long, List<IntervalPoint>> points = new TreeMap<>();
        for (LoadTestReport r : parts) {
            for (IntervalPoint p : r.intervals()) {
                long k = Math.round(p.startSeconds() * 10);
                points.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
                grid.computeIfAbsent(
                        k,
                        x -> new IntervalData(
                                (long) (p.startSeconds() * 1e9),
                                (long) ((p.startSeconds() + p.durationSeconds()) * 1e9),
                                p.stage()));
            }
        }
        for (List<HistogramLog.Interval> log : logs) {
            for (HistogramLog.Interval i : log) {
                long k = Math.round(i.startSeconds() * 10);
                IntervalData d = grid.computeIfAbsent(
                        k, x -> new IntervalData((long) (i.startSeconds() * 1e9), (long) (i.endSeconds() * 1e9), 0));
                d.add(HistogramLog.toIntervalData(i.byTag(), d.startNanos(), d.endNanos()));
            }
        }
        List<IntervalPoint> mergedPoints = new ArrayList<>();
        List<IntervalData> mergedIntervals = new ArrayList<>();
        Map<Integer, IntervalData> stageData = new TreeMap<>();
        IntervalData total = new IntervalData(0, (long) (seconds * 1e9), 0);
        for (Map.Entry<Long, IntervalData> e : grid.entrySet()) {
            IntervalData d = e.getValue();
            List<IntervalPoint> ps = points.getOrDefault(e.getKey(), List.of());
            double offered = 0;
            long dropped = 0;
            for (IntervalPoint p : ps) {
                offered += p.offeredLoad();
                dropped += p.droppedArrivals();
                p.errorsByClass().forEach((c, n) -> d.errorsByClass().merge(c, n, Long::sum));
            }
            int stage = ps.isEmpty() ? d.stage() : ps.get(0).stage();
            IntervalData staged = new IntervalData(d.startNanos(), d.endNanos(), stage);
            staged.add(d);
            staged.errorsByClass().clear();
            staged.errorsByClass().putAll(d.errorsByClass());
            staged.counters(d.lag().getTotalCount(), dropped, 0, 0, 0);
            staged.offeredLoad(offered);
            mergedPoints.add(Reports.point(staged));
            mergedIntervals.add(staged);
            stageData
                    .computeIfAbsent(stage, x -> new IntervalData(staged.startNanos(), staged.endNanos(), x))
                    .add(staged);
            total.add(staged);
        }

        // counts only the JSON has
        long scheduled = 0;
        long droppedTotal = 0;
        long iterations = 0;
        long opened = 0;
        long openFailures = 0;
        long cutOff = 0;
        long saturated = 0;
        boolean anySaturation = false;
        Map<String, Long> errorsByClass = new TreeMap<>();
        Map<String, List<String>> samples = new TreeMap<>();
        Set<String> warnings = new LinkedHashSet<>();
        Set<String> stopReasons = new LinkedHashSet<>();
        String startedAt = first.startedAt();
        for (int i = 0; i < parts.size(); i++) {
            LoadTestReport r = parts.get(i);
            String who = r.segment() == null ? reportFiles.get(i).getFileName().toString() : "segment " + r.segment();
            LoadTestReport.Generator g = r.generator();
            scheduled += g.scheduledArrivals();
            droppedTotal += g.droppedArrivals();
            iterations += g.iterations();
            opened += g.sessionsOpened();
            openFailures += g.sessionOpenFailures();
            cutOff += g.cutOffIterations();
            if (g.saturatedIntervals() != null) {
                anySaturation = true;
                saturated += g.saturatedIntervals();
            }
            r.summary().errorsByClass().forEach((c, n) -> errorsByClass.merge(c, n, Long::sum));
            addKeyErrors(total, "op:", r.operations());
            addKeyErrors(total, "tool:", r.tools());
            addKeyErrors(total, "resource:", r.resources());
            addKeyErrors(total, "prompt:", r.prompts());
            if (r.errorSamples() != null) {
                r.errorSamples().forEach((c, list) -> {
                    List<String> kept = samples.computeIfAbsent(c, x -> new ArrayList<>());
                    for (String m : list) {
                        if (kept.size() < 5 && !kept.contains(m)) {
                            kept.add(m);
                        }
                    }
                });
            }
            if (r.warnings() != null) {
                r.warnings().forEach(w -> warnings.add(who + ": " + w));
            }
            if (r.breakingPoint() != null) {
                warnings.add(who + ": breaking point " + r.breakingPoint().reason() + " at "
                        + r.breakingPoint().atSeconds() + " s in its own share of the load (the merged report's"
                        + " breakingPoint is evaluated again on the merged intervals)");
            }
            stopReasons.add(r.stopReason());
            if (r.startedAt().compareTo(startedAt) < 0) {
                startedAt = r.startedAt();
            }
        }
        McpScenariosMerge.Result deep = McpScenariosMerge.merge(
                parts.stream().map(LoadTestReport::mcpScenarios).toList());
        if (deep.problem() != null) {
            warnings.add("mcpScenarios not merged: " + deep.problem() + "; read them in the segments' reports");
        }
        LoadTestConfig.BreakingPointSettings bpSettings = MergedBreakingPoint.settingsOf(first.configuration());
        if (bpSettings == null) {
            bpSettings = LoadTestConfig.BreakingPointSettings.defaults();
            warnings.add("the segments' configuration does not echo the breaking-point settings (a report before"
                    + " schema 1.3): the detector ran on the merged intervals with its defaults");
        }
        LoadTestReport.BreakingPoint breakingPoint = MergedBreakingPoint.detect(bpSettings, mergedIntervals);
        total.errorsByClass().clear();
        total.errorsByClass().putAll(errorsByClass);
        total.counters(scheduled, droppedTotal, iterations, opened, openFailures);

        List<LoadTestReport.StageReport> stages = new ArrayList<>();
        for (LoadTestReport.StageReport s : first.stages()) {
            IntervalData sd = stageData.getOrDefault(s.index(), new IntervalData(0, 0, s.index()));
            long stageDropped = 0;
            Map<String, Long> stageErrors = new TreeMap<>();
            double duration = 0;
            for (LoadTestReport r : parts) {
                for (LoadTestReport.StageReport x : r.stages()) {
                    if (x.index() == s.index()) {
                        stageDropped += x.droppedArrivals();
                        duration = Math.max(duration, x.durationSeconds());
                        x.stats().errorsByClass().forEach((c, n) -> stageErrors.merge(c, n, Long::sum));
                    }
                }
            }
            sd.counters(sd.lag().getTotalCount(), stageDropped, 0, 0, 0);
            stages.add(new LoadTestReport.StageReport(
                    s.index(),
                    s.name(),
                    s.startSeconds(),
                    duration,
                    s.targetVus(),
                    s.targetRate(),
                    Reports.stats(sd, "op:", duration, stageErrors),
                    stageDropped));
        }

        LoadTestReport.Generator generator = new LoadTestReport.Generator(
                scheduled,
                droppedTotal,
                scheduled == 0 ? 0 : round6(droppedTotal / (double) scheduled),
                orEmpty(Reports.latency(total.lag())),
                orEmpty(Reports.latency(total.service())),
                opened,
                openFailures,
                orEmpty(Reports.latency(total.handshake())),
                iterations,
                cutOff,
                null,
                null,
                anySaturation ? saturated : null);
        Map<String, Stats> resources = Reports.byKey(total, "resource:", seconds);
        Map<String, Stats> prompts = Reports.byKey(total, "prompt:", seconds);
        LoadTestReport merged = LoadTestReport.builder()
                .target(first.target())
                .model(first.model())
                .offeredLoadUnit(first.offeredLoadUnit())
                .sessionMode(first.sessionMode())
                .startedAt(startedAt)
                .durationSeconds(seconds)
                .stopReason(String.join(",", stopReasons))
                .summary(Reports.stats(total, "op:", seconds, errorsByClass))
                .generator(generator)
                .operations(Reports.byKey(total, "op:", seconds))
                .tools(Reports.byKey(total, "tool:", seconds))
                .stages(stages)
                .intervals(mergedPoints)
                .latencyBasis(first.latencyBasis())
                .resources(resources.isEmpty() && first.resources() == null ? null : resources)
                .prompts(prompts.isEmpty() && first.prompts() == null ? null : prompts)
                .errorSamples(samples.isEmpty() ? null : samples)
                .configuration(first.configuration())
                .server(first.server())
                .warnings(warnings.isEmpty() ? null : List.copyOf(warnings))
                .mcpScenarios(deep.section())
                .breakingPoint(breakingPoint)
                .build();
        List<LoadTestReport.ThresholdResult> results = new ArrayList<>();
        for (String t : thresholdsOf(first)) {
            results.add(Threshold.parse(t).evaluate(merged));
        }
        return new Result(merged.withThresholds(results), mergedIntervals);
    }

    @SuppressWarnings("unchecked")
    private static List<String> thresholdsOf(LoadTestReport r) {
        if (r.configuration() != null && r.configuration().get("thresholds") instanceof List<?> list) {
            return (List<String>) list;
        }
        return r.thresholds().stream()
                .map(LoadTestReport.ThresholdResult::expression)
                .toList();
    }

    private static void addKeyErrors(IntervalData total, String prefix, Map<String, Stats> byKey) {
        if (byKey == null) {
            return;
        }
        byKey.forEach((k, s) -> {
            if (s.errorsByClass() != null && !s.errorsByClass().isEmpty()) {
                total.addKeyErrors(prefix + k, s.errorsByClass());
            }
        });
    }

    /**
     * Writes the merged intervals as one histogram log.
     *
     * @param merged the merged
     * @param file the file
     * @param startMillis the start millis
     * @throws IOException if a file cannot be read or written
     */
    public static void writeHistogramLog(Result merged, Path file, long startMillis) throws IOException {
        try (HistogramLog log = HistogramLog.create(file, startMillis, "jmcp-loadtest merged")) {
            for (IntervalData d : merged.intervals()) {
                log.write(d);
            }
        }
    }

    /**
     * The whole-run histograms of a merged result by tag (for tests and tools).
     *
     * @param merged the merged
     * @return the whole-run histograms of a merged result by tag (for tests and tools)
     */
    public static Map<String, Histogram> histograms(Result merged) {
        Map<String, Histogram> out = new TreeMap<>();
        for (IntervalData d : merged.intervals()) {
            d.ok().forEach((k, h) ->
                    out.computeIfAbsent("ok." + k, x -> new Histogram(3)).add(h));
            d.err().forEach((k, h) -> out.computeIfAbsent("err." + k, x -> new Histogram(3))
                    .add(h));
        }
        return out;
    }

    private static LoadTestReport.Latency orEmpty(LoadTestReport.Latency l) {
        return l == null ? Reports.emptyLatency() : l;
    }

    private static double round6(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
