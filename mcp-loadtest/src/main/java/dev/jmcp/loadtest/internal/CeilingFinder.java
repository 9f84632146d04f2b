package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.CeilingSettings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestReport.Ceiling;
import dev.jmcp.loadtest.LoadTestReport.CeilingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * {@code find-ceiling}: an open-model run whose stages step the arrival rate up; after each step the SLO (p99,
 * error rate, drop rate) is checked on that step's data alone, and the run stops at the first step that breaks it.
 */
public final class CeilingFinder implements Engine.StageGate {
    private final CeilingSettings settings;
    private final List<CeilingStep> steps = new ArrayList<>();
    private String reason;

    /** A finder with the given settings. */
    public CeilingFinder(CeilingSettings settings) {
        this.settings = settings;
    }

    /** The config for the stepped run: open model, one non-ramping stage per rate. */
    public static LoadTestConfig stepped(LoadTestConfig base) {
        CeilingSettings c = base.ceiling();
        List<Stage> stages = new ArrayList<>();
        int i = 0;
        for (double rate = c.startRate(); rate <= c.maxRate() + 1e-9; rate += c.stepRate()) {
            stages.add(new Stage(
                    String.format(Locale.ROOT, "step %d: %.1f/s", ++i, rate), c.stepDuration(), 0, rate, false));
        }
        return base.withSettings(base.settings().withModel(LoadModel.OPEN).withIterations(0))
                .withStages(stages);
    }

    @Override
    public boolean proceed(LoadPlan.Phase phase, IntervalData data) {
        if (reason != null) {
            return false;
        }
        double rate = phase.to();
        long errors = data.errors();
        long requests = data.requests();
        double errorRate = requests == 0 ? 0 : errors / (double) requests;
        double dropRate = data.scheduled() == 0 ? 0 : data.dropped() / (double) data.scheduled();
        Histogram ok = data.merged(true, "op:");
        double p99 = ok.getTotalCount() == 0 ? 0 : ok.getValueAtPercentile(99) / 1000.0;
        double secs = data.seconds();
        double sloMs = settings.sloP99().toNanos() / 1e6;
        String broken = null;
        if (requests == 0) {
            broken = "no requests completed";
        } else if (p99 > sloMs) {
            broken = String.format(Locale.ROOT, "p99 %.3f ms > %.3f ms", p99, sloMs);
        } else if (errorRate > settings.sloErrorRate()) {
            broken = String.format(
                    Locale.ROOT, "error rate %.2f%% > %.2f%%", errorRate * 100, settings.sloErrorRate() * 100);
        } else if (dropRate > settings.sloDropRate()) {
            broken = String.format(
                    Locale.ROOT,
                    "%.2f%% of arrivals dropped > %.2f%% (no free worker)",
                    dropRate * 100,
                    settings.sloDropRate() * 100);
        }
        steps.add(new CeilingStep(
                rate,
                Reports.round(secs <= 0 ? 0 : requests / secs),
                p99,
                Reports.round6(errorRate),
                Reports.round6(dropRate),
                broken == null));
        if (broken != null) {
            reason = String.format(Locale.ROOT, "at %.1f/s: %s", rate, broken);
            return false;
        }
        return true;
    }

    /** The result after the run. */
    public Ceiling result() {
        Double best = null;
        Double broke = null;
        for (CeilingStep s : steps) {
            if (s.passed() && broke == null) {
                best = s.rate();
            } else if (!s.passed() && broke == null) {
                broke = s.rate();
            }
        }
        return new Ceiling(best, broke, reason, List.copyOf(steps));
    }
}
