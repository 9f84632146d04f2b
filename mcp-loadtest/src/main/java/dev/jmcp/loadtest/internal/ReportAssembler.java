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

    /** The report, thresholds evaluated. */
    LoadTestReport assemble(
            String targetDescription,
            Instant startedAt,
            String stopReason,
            long cutOffIterations,
            BreakingPoint breakingPoint) {
        IntervalData total = measurements.total();
        double secs = total.seconds();
        boolean open = config.settings().model() == LoadModel.OPEN;
        List<IntervalPoint> points = new ArrayList<>();
        for (IntervalData d : measurements.intervals()) {
            points.add(Reports.point(d));
        }
        LoadTestReport report = new LoadTestReport(
                LoadTestReport.SCHEMA_VERSION,
                targetDescription,
                config.settings().model().name().toLowerCase(Locale.ROOT),
                open ? "rps" : "vus",
                config.settings().sessionMode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                startedAt.toString(),
                Reports.round(secs),
                stopReason,
                Reports.stats(total, "op:", secs, total.errorsByClass()),
                generator(total, cutOffIterations),
                Reports.byKey(total, "op:", secs),
                Reports.byKey(total, "tool:", secs),
                stages(open),
                points,
                breakingPoint,
                null,
                List.of(),
                config.settings().fromIntendedStart()
                        ? LoadTestReport.FROM_INTENDED_START
                        : LoadTestReport.SERVICE_TIME);
        List<ThresholdResult> results = new ArrayList<>();
        for (String t : config.thresholds()) {
            results.add(Threshold.parse(t).evaluate(report));
        }
        return report.withThresholds(results);
    }

    private static LoadTestReport.Generator generator(IntervalData total, long cutOffIterations) {
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
                cutOffIterations);
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
