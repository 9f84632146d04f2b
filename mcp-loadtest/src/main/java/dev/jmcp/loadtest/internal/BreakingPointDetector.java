package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Finds the point where the server stops coping, on per-interval data (never cumulative totals, so late
 * degradation is not diluted by a long healthy start). The baseline is the first intervals with traffic; the
 * window is the most recent intervals, merged exactly (histograms are added, not percentiles averaged).
 *
 * <ul>
 *   <li>{@code error_rate_spike}: the window's error rate exceeds the absolute bound and the factor times the
 *       baseline's;
 *   <li>{@code latency_degradation}: the window's p99 exceeds the factor times the baseline's p99 and the floor;
 *   <li>{@code throughput_plateau}: offered load rose by the given fraction from the previous window to this one
 *       while throughput rose by less than its fraction.
 * </ul>
 *
 * The first detection is kept.
 */
public final class BreakingPointDetector {
    private final BreakingPointSettings settings;
    private final List<IntervalData> history = new ArrayList<>();
    private int observed;
    private BreakingPoint found;

    /** A detector with the given settings. */
    public BreakingPointDetector(BreakingPointSettings settings) {
        this.settings = settings;
    }

    /** The first breaking point found, or {@code null}. */
    public BreakingPoint found() {
        return found;
    }

    /** Observes the next interval; returns the breaking point if this interval revealed it, else {@code null}. */
    public BreakingPoint observe(IntervalData d) {
        int index = observed++;
        if (!settings.enabled() || found != null || d.requests() == 0) {
            return null;
        }
        history.add(d);
        int b = settings.baselineIntervals();
        int w = settings.windowIntervals();
        if (history.size() < b + w) {
            return null;
        }
        IntervalData baseline = merge(0, b);
        IntervalData window = merge(history.size() - w, history.size());
        String reason = null;
        String detail = null;
        double errBase = rate(baseline.errors(), baseline.requests());
        double errNow = rate(window.errors(), window.requests());
        if (errNow > settings.errorRateAbsolute() && errNow > settings.errorRateFactor() * errBase) {
            reason = "error_rate_spike";
            detail = String.format(
                    Locale.ROOT,
                    "error rate %.2f%% in the last %d intervals vs %.2f%% baseline",
                    errNow * 100,
                    w,
                    errBase * 100);
        }
        Histogram hb = baseline.merged(true, "op:");
        Histogram hw = window.merged(true, "op:");
        if (reason == null && hb.getTotalCount() > 0 && hw.getTotalCount() > 0) {
            double p99Base = hb.getValueAtPercentile(99) / 1000.0;
            double p99Now = hw.getValueAtPercentile(99) / 1000.0;
            double floorMs = settings.p99Floor().toNanos() / 1e6;
            if (p99Now > settings.p99Factor() * p99Base && p99Now > floorMs) {
                reason = "latency_degradation";
                detail = String.format(
                        Locale.ROOT,
                        "p99 %.3f ms in the last %d intervals vs %.3f ms baseline (x%.1f)",
                        p99Now,
                        w,
                        p99Base,
                        p99Now / Math.max(p99Base, 1e-9));
            }
        }
        if (reason == null && history.size() >= 2 * w) {
            IntervalData previous = merge(history.size() - 2 * w, history.size() - w);
            double loadPrev = meanLoad(history.size() - 2 * w, history.size() - w);
            double loadNow = meanLoad(history.size() - w, history.size());
            double tpPrev = previous.requests() / Math.max(previous.seconds(), 1e-9);
            double tpNow = window.requests() / Math.max(window.seconds(), 1e-9);
            if (loadPrev > 0
                    && tpPrev > 0
                    && (loadNow - loadPrev) / loadPrev >= settings.plateauLoadIncrease()
                    && (tpNow - tpPrev) / tpPrev < settings.plateauThroughputIncrease()) {
                reason = "throughput_plateau";
                detail = String.format(
                        Locale.ROOT,
                        "offered load %.1f -> %.1f (+%.0f%%) but throughput %.1f -> %.1f req/s (%+.0f%%)",
                        loadPrev,
                        loadNow,
                        (loadNow - loadPrev) / loadPrev * 100,
                        tpPrev,
                        tpNow,
                        (tpNow - tpPrev) / tpPrev * 100);
            }
        }
        if (reason == null) {
            return null;
        }
        found = new BreakingPoint(reason, detail, d.endNanos() / 1e9, index, d.offeredLoad());
        return found;
    }

    private IntervalData merge(int from, int to) {
        long nanos = 0;
        for (int i = from; i < to; i++) {
            nanos += history.get(i).endNanos() - history.get(i).startNanos();
        }
        IntervalData out = new IntervalData(0, nanos, 0);
        for (int i = from; i < to; i++) {
            history.get(i).ok().forEach(out::addOk);
            history.get(i).err().forEach(out::addErr);
        }
        return out;
    }

    private double meanLoad(int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += history.get(i).offeredLoad();
        }
        return sum / (to - from);
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
