package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.LoadTestReport.StageReport;
import dev.jmcp.loadtest.LoadTestReport.ThresholdResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a run's report from its measurements: totals, generator figures, stages, intervals and thresholds. */
final class ReportAssembler {
    private final LoadTestConfig config;
    private final LoadPlan plan;
    private final Measurements measurements;

    ReportAssembler(LoadTestConfig config, LoadPlan plan, Measurements measurements) {
        this.config = config;
        this.plan = plan;
        this.measurements = measurements;
    }

    /**
     * What a report carries besides measurements.
     *
     * @param errorSamples error messages by class
     * @param server the server's name, version and negotiated protocol version
     * @param histogramLog the histogram log's file name, or null
     * @param segment {@code i/n}, or null for a whole run
     * @param warnings warnings (possibly empty)
     * @param cpuPercent the generator's CPU use, or null
     * @param processors the generator's processors
     * @param saturatedIntervals intervals in which the generator was saturated
     */
    record Extras(
            Map<String, List<String>> errorSamples,
            Map<String, String> server,
            String histogramLog,
            String segment,
            List<String> warnings,
            Double cpuPercent,
            int processors,
            long saturatedIntervals) {
        static final Extras NONE = new Extras(Map.of(), Map.of(), null, null, List.of(), null, 0, 0);
    }

    /** The report, thresholds evaluated. */
    LoadTestReport assemble(
            String targetDescription,
            Instant startedAt,
            String stopReason,
            long cutOffIterations,
            BreakingPoint breakingPoint) {
        return assemble(targetDescription, startedAt, stopReason, cutOffIterations, breakingPoint, Extras.NONE);
    }

    /** The report with its extras, thresholds evaluated. */
    LoadTestReport assemble(
            String targetDescription,
            Instant startedAt,
            String stopReason,
            long cutOffIterations,
            BreakingPoint breakingPoint,
            Extras extras) {
        IntervalData total = measurements.total();
        double secs = total.seconds();
        boolean open = config.settings().model() == LoadModel.OPEN;
        List<IntervalPoint> points = new ArrayList<>(measurements.intervals());
        LoadTestReport report = LoadTestReport.builder()
                .target(targetDescription)
                .model(config.settings().model().name().toLowerCase(Locale.ROOT))
                .offeredLoadUnit(open ? "rps" : "vus")
                .sessionMode(config.settings()
                        .sessionMode()
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-'))
                .startedAt(startedAt.toString())
                .durationSeconds(Reports.round(secs))
                .stopReason(stopReason)
                .summary(Reports.stats(total, "op:", secs, total.errorsByClass()))
                .generator(generator(total, cutOffIterations, extras))
                .operations(Reports.byKey(total, "op:", secs))
                .tools(Reports.byKey(total, "tool:", secs))
                .stages(stages(open))
                .intervals(points)
                .breakingPoint(breakingPoint)
                .latencyBasis(
                        config.settings().fromIntendedStart()
                                ? LoadTestReport.FROM_INTENDED_START
                                : LoadTestReport.SERVICE_TIME)
                .resources(Reports.byKey(total, "resource:", secs))
                .prompts(Reports.byKey(total, "prompt:", secs))
                .errorSamples(extras.errorSamples().isEmpty() ? null : extras.errorSamples())
                .configuration(ConfigEcho.of(config))
                .server(extras.server().isEmpty() ? null : extras.server())
                .histogramLog(extras.histogramLog())
                .segment(extras.segment())
                .warnings(extras.warnings().isEmpty() ? null : List.copyOf(extras.warnings()))
                .build();
        List<ThresholdResult> results = new ArrayList<>();
        for (String t : config.thresholds()) {
            results.add(Threshold.parse(t).evaluate(report));
        }
        return report.withThresholds(results);
    }

    private static LoadTestReport.Generator generator(IntervalData total, long cutOffIterations, Extras extras) {
        return new LoadTestReport.Generator(
                total.scheduled(),
                total.dropped(),
                total.scheduled() == 0 ? 0 : Reports.round6(total.dropped() / (double) total.scheduled()),
                orEmpty(Reports.latency(total.lag())),
                orEmpty(Reports.latency(total.service())),
                total.sessionsOpened(),
                total.sessionOpenFailures(),
                orEmpty(Reports.latency(total.handshake())),
                total.iterations(),
                cutOffIterations,
                extras.cpuPercent(),
                extras.processors() == 0 ? null : extras.processors(),
                extras.processors() == 0 ? null : extras.saturatedIntervals());
    }

    /** The stages the run reached, in order. */
    private List<StageReport> stages(boolean open) {
        List<StageReport> stages = new ArrayList<>();
        for (LoadPlan.Phase p : plan.phases()) {
            int i = p.index();
            if (!measurements.reached(i)) {
                break;
            }
            double dur = measurements.stageNanos(i) / 1e9;
            IntervalData sd = measurements.stage(i);
            stages.add(new StageReport(
                    i,
                    p.name(),
                    Reports.round(measurements.stageStartNanos(i) / 1e9),
                    Reports.round(dur),
                    open ? null : (int) Math.round(p.to()),
                    open ? p.to() : null,
                    Reports.stats(sd, "op:", dur, sd.errorsByClass()),
                    sd.dropped()));
        }
        return stages;
    }

    private static LoadTestReport.Latency orEmpty(LoadTestReport.Latency l) {
        return l == null ? Reports.emptyLatency() : l;
    }
}
