package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.CeilingSettings;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.LoadTestReport.Ceiling;
import dev.jmcp.loadtest.LoadTestReport.CeilingStep;
import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code find-ceiling}: searches for the highest open-model arrival rate that meets the SLO (p99, error rate, drop
 * rate). Rates grow geometrically until a step fails, then the bracket between the last passing and the first
 * failing rate is bisected down to the resolution. Each step is a separate run, so a step's figures hold exactly the
 * requests intended in it. A noisy failing step (fewer than half of its intervals broke the SLO on their own, or a
 * higher rate already passed) is repeated, and the repeat decides. Use: {@link #next()}, run the step,
 * {@link #record}, until {@link #next()} is {@code null}.
 */
public final class CeilingFinder {
    private static final int MAX_STEPS = 40;

    /** One step's verdict. */
    public record Verdict(CeilingStep step, String broken, boolean noisy) {}

    private final CeilingSettings settings;
    private final List<CeilingStep> steps = new ArrayList<>();
    private Double passed; // highest rate that passed
    private Double failed; // lowest rate that failed
    private String reason;
    private Double pending; // the rate handed out by next()
    private int repeatsLeft;
    private boolean repeating;

    /** A finder with the given settings. */
    public CeilingFinder(CeilingSettings settings) {
        this.settings = settings;
        this.repeatsLeft = settings.repeats();
    }

    /** The configuration of one step: the base test at {@code rate} for the step duration, open model. */
    public static LoadTestConfig step(LoadTestConfig base, double rate) {
        return base.withSettings(base.settings().toBuilder()
                        .model(LoadModel.OPEN)
                        .rate(rate)
                        .iterations(0)
                        .duration(base.ceiling().stepDuration())
                        .build())
                .withStages(List.of());
    }

    /** The next rate to try, or {@code null} when the search is over. */
    public Double next() {
        if (pending != null) {
            return pending;
        }
        if (steps.size() >= MAX_STEPS) {
            return null;
        }
        double next;
        if (failed == null) {
            if (passed == null) {
                next = settings.startRate();
            } else if (passed >= settings.maxRate() - 1e-9) {
                return null; // every rate up to the maximum met the SLO
            } else {
                next = Math.min(settings.maxRate(), passed * settings.growthFactor());
            }
        } else {
            double lo = passed == null ? 0 : passed;
            if (failed - lo <= settings.stepRate() + 1e-9) {
                return null;
            }
            next = Reports.round((lo + failed) / 2);
        }
        pending = next;
        return next;
    }

    /** Records the result of the step at the rate {@link #next()} returned. */
    public void record(Verdict v) {
        double rate = v.step().rate();
        steps.add(v.step());
        pending = null;
        if (v.broken() == null) {
            if (passed == null || rate > passed) {
                passed = rate;
            }
            repeating = false;
            return;
        }
        boolean noisy = v.noisy() || (passed != null && passed > rate);
        if (noisy && repeatsLeft > 0 && !repeating) {
            repeatsLeft--;
            repeating = true;
            pending = rate; // try again; the repeat decides
            return;
        }
        repeating = false;
        if (failed == null || rate < failed) {
            failed = rate;
            reason = String.format(Locale.ROOT, "at %.1f/s: %s", rate, v.broken());
        }
        if (passed != null && passed > rate) {
            passed = null; // the lower rate broke for good: earlier passes above it do not count
            for (CeilingStep s : steps) {
                if (s.passed() && s.rate() < rate && (passed == null || s.rate() > passed)) {
                    passed = s.rate();
                }
            }
        }
    }

    /** Judges one step's report against the SLO. */
    public Verdict judge(double rate, LoadTestReport report) {
        LoadTestReport.Stats s = report.summary();
        double p99 = s.latency() == null ? 0 : s.latency().p99Ms();
        double dropRate = report.generator().dropRate();
        String broken = broken(s.requests(), p99, s.errorRate(), dropRate);
        int bad = 0;
        int judged = 0;
        for (IntervalPoint p : report.intervals()) {
            if (p.requests() == 0 && p.droppedArrivals() == 0) {
                continue;
            }
            judged++;
            long scheduled = p.requests() + p.droppedArrivals();
            double pDrop = scheduled == 0 ? 0 : p.droppedArrivals() / (double) scheduled;
            double pP99 = p.latency() == null ? 0 : p.latency().p99Ms();
            if (broken(p.requests(), pP99, p.errorRate(), pDrop) != null) {
                bad++;
            }
        }
        boolean noisy = broken != null && judged > 1 && bad * 2 < judged;
        CeilingStep step = new CeilingStep(
                rate, s.throughputRps(), p99, Reports.round6(s.errorRate()), Reports.round6(dropRate), broken == null);
        return new Verdict(step, broken, noisy);
    }

    private String broken(long requests, double p99, double errorRate, double dropRate) {
        double sloMs = settings.sloP99().toNanos() / 1e6;
        if (requests == 0) {
            return "no requests completed";
        }
        if (p99 > sloMs) {
            return String.format(Locale.ROOT, "p99 %.3f ms > %.3f ms", p99, sloMs);
        }
        if (errorRate > settings.sloErrorRate()) {
            return String.format(
                    Locale.ROOT, "error rate %.2f%% > %.2f%%", errorRate * 100, settings.sloErrorRate() * 100);
        }
        if (dropRate > settings.sloDropRate()) {
            return String.format(
                    Locale.ROOT,
                    "%.2f%% of arrivals dropped > %.2f%% (no free worker)",
                    dropRate * 100,
                    settings.sloDropRate() * 100);
        }
        return null;
    }

    /** The result: the highest passing rate below the lowest failing one, every step in the order tried. */
    public Ceiling result() {
        return new Ceiling(passed, failed, reason, List.copyOf(steps));
    }
}
