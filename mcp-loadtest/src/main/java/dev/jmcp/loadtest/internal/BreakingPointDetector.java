package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Finds the point where the server stops coping, on per-interval data (never cumulative totals, so late
 * degradation is not diluted by a long healthy start). The first {@code warmupIntervals} intervals with traffic are
 * skipped; the baseline is the next intervals (at least {@code minSamples} requests); each window is the most recent
 * intervals (extended back until it holds {@code minSamples} requests), merged exactly (histograms are added, not
 * percentiles averaged). Signals:
 *
 * <ul>
 *   <li>{@code stall}: intervals with offered load but no completed request at all;
 *   <li>{@code error_rate_spike}: the window's error rate exceeds the absolute bound and the factor times the
 *       baseline's, and so does the newest interval's;
 *   <li>{@code drops}: the generator could not start more than {@code dropRate} of the arrivals in the window
 *       and in the newest interval (the load offered is not the load served);
 *   <li>{@code latency_degradation}: the window's p99 and the newest interval's exceed the factor times the
 *       baseline's p99 and the floor;
 *   <li>{@code throughput_plateau}: over the last {@code plateauHorizon} intervals the offered load rose by at least
 *       {@code plateauLoadIncrease} of its mean, but the regression of throughput on offered load has an elasticity
 *       below {@code plateauElasticity} (sees gentle ramps that change little between two windows).
 * </ul>
 *
 * A signal is reported once it held on {@code confirmIntervals} consecutive intervals, so one slow interval (a GC
 * pause at a low rate) cannot latch it. The report names the last healthy interval's offered load and the highest
 * throughput reached after it (the knee), not only where the detection fired. The first detection is kept. Only a
 * bounded number of recent intervals is held.
 */
public final class BreakingPointDetector {
    private static final String[] SIGNALS = {
        "stall", "error_rate_spike", "drops", "latency_degradation", "throughput_plateau"
    };
    private static final int MAX_WINDOW_INTERVALS = 60;
    private static final double SERVED_TOLERANCE = 0.9;

    /** One observed interval with its index among all observed ones. */
    private record Entry(int index, IntervalData data) {}

    private final BreakingPointSettings settings;
    private final List<Entry> history = new ArrayList<>();
    private final int[] streak = new int[SIGNALS.length];
    private final String[] details = new String[SIGNALS.length];
    private final int capacity;
    private int observed;
    private int withTraffic;
    private IntervalData baseline;
    private double baselineP99Ms = -1;
    private double baselineErrorRate;
    private IntervalData pending;
    private int baselineIntervals;
    private BreakingPoint found;

    /** A detector with the given settings. */
    public BreakingPointDetector(BreakingPointSettings settings) {
        this.settings = settings;
        this.capacity = Math.max(settings.plateauHorizon(), MAX_WINDOW_INTERVALS) + settings.confirmIntervals() + 2;
    }

    /** The first breaking point found, or {@code null}. */
    public BreakingPoint found() {
        return found;
    }

    /** Observes the next interval; returns the breaking point if this interval confirmed it, else {@code null}. */
    public BreakingPoint observe(IntervalData d) {
        int index = observed++;
        if (!settings.enabled() || found != null) {
            return null;
        }
        boolean traffic = d.requests() > 0 || d.scheduled() > 0 || d.offeredLoad() > 0;
        if (withTraffic == 0 && !traffic) {
            return null; // before the load starts
        }
        withTraffic++;
        if (withTraffic <= settings.warmupIntervals()) {
            return null;
        }
        if (baseline == null) {
            buildBaseline(d);
            return null;
        }
        history.add(new Entry(index, d));
        if (history.size() > capacity) {
            history.remove(0);
        }
        Arrays.fill(details, null);
        details[0] = stall();
        int from = windowStart();
        if (sum(from, Counter.REQUESTS) >= settings.minSamples()) {
            details[1] = errorSpike(from, d);
            details[3] = latency(from, d);
        }
        details[2] = drops(from, d);
        details[4] = plateau();
        for (int s = 0; s < SIGNALS.length; s++) {
            streak[s] = details[s] == null ? 0 : streak[s] + 1;
        }
        for (int s = 0; s < SIGNALS.length; s++) {
            if (streak[s] >= settings.confirmIntervals()) {
                found = breakingPoint(SIGNALS[s], details[s], index, d);
                return found;
            }
        }
        return null;
    }

    private void buildBaseline(IntervalData d) {
        if (pending == null) {
            pending = new IntervalData(d.startNanos(), d.startNanos(), 0);
        }
        pending.add(d);
        baselineIntervals++;
        boolean enough =
                baselineIntervals >= settings.baselineIntervals() && pending.requests() >= settings.minSamples();
        if (enough || (baselineIntervals >= MAX_WINDOW_INTERVALS && pending.requests() > 0)) {
            baseline = pending;
            pending = null;
            Histogram hb = baseline.merged(true, "op:");
            baselineP99Ms = hb.getTotalCount() == 0 ? -1 : hb.getValueAtPercentile(99) / 1000.0;
            baselineErrorRate = rate(baseline.errors(), baseline.requests());
        }
    }

    // ---- signals: each returns the detail when the signal holds on this interval, else null ----

    private String stall() {
        IntervalData d = last(0);
        boolean offered = d.scheduled() > 0 || d.offeredLoad() > 0;
        if (!offered || d.requests() > 0) {
            return null;
        }
        double baseTp = throughput(baseline);
        if (baseTp * d.seconds() < 1) {
            return null; // so slow that an empty interval is expected
        }
        int empty = 0;
        double secs = 0;
        for (int i = history.size() - 1; i >= 0 && history.get(i).data().requests() == 0; i--) {
            empty++;
            secs += history.get(i).data().seconds();
        }
        return String.format(
                Locale.ROOT,
                "no request completed for %.1f s (%d intervals) at offered load %.1f; baseline %.1f req/s",
                secs,
                empty,
                d.offeredLoad(),
                baseTp);
    }

    private String errorSpike(int from, IntervalData d) {
        double errBase = baselineErrorRate;
        double errLast = rate(d.errors(), d.requests());
        double bound = Math.max(settings.errorRateAbsolute(), settings.errorRateFactor() * errBase);
        if (errLast <= bound) {
            return null;
        }
        double errNow = rate(sum(from, Counter.ERRORS), sum(from, Counter.REQUESTS));
        if (errNow > bound) {
            return String.format(
                    Locale.ROOT,
                    "error rate %.2f%% in the last %.0f s vs %.2f%% baseline",
                    errNow * 100,
                    seconds(from),
                    errBase * 100);
        }
        return null;
    }

    private String drops(int from, IntervalData d) {
        double last = rate(d.dropped(), d.scheduled());
        if (last <= settings.dropRate()) {
            return null;
        }
        double now = rate(sum(from, Counter.DROPPED), sum(from, Counter.SCHEDULED));
        if (now > settings.dropRate()) {
            return String.format(
                    Locale.ROOT,
                    "%.2f%% of arrivals dropped in the last %.0f s (no free worker within max_queue_wait) at offered"
                            + " load %.1f",
                    now * 100,
                    seconds(from),
                    d.offeredLoad());
        }
        return null;
    }

    private String latency(int from, IntervalData d) {
        if (baselineP99Ms < 0) {
            return null;
        }
        Histogram hl = d.merged(true, "op:");
        if (hl.getTotalCount() == 0) {
            return null;
        }
        double p99Base = baselineP99Ms;
        double bound0 =
                Math.max(settings.p99Factor() * p99Base, settings.p99Floor().toNanos() / 1e6);
        if (hl.getValueAtPercentile(99) / 1000.0 <= bound0) {
            return null; // the newest interval is fine: no need to merge the window
        }
        Histogram hw = new Histogram(WorkerMetrics.DIGITS);
        for (int i = from; i < history.size(); i++) {
            hw.add(history.get(i).data().merged(true, "op:"));
        }
        if (hw.getTotalCount() == 0) {
            return null;
        }
        double bound =
                Math.max(settings.p99Factor() * p99Base, settings.p99Floor().toNanos() / 1e6);
        double p99Now = hw.getValueAtPercentile(99) / 1000.0;
        double p99Last = hl.getValueAtPercentile(99) / 1000.0;
        if (p99Now > bound && p99Last > bound) {
            return String.format(
                    Locale.ROOT,
                    "p99 %.3f ms in the last %.0f s vs %.3f ms baseline (x%.1f)",
                    p99Now,
                    seconds(from),
                    p99Base,
                    p99Now / Math.max(p99Base, 1e-9));
        }
        return null;
    }

    private String plateau() {
        int n = settings.plateauHorizon();
        if (history.size() < n || n < 3) {
            return null;
        }
        double sx = 0;
        double sy = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = history.size() - n; i < history.size(); i++) {
            IntervalData d = history.get(i).data();
            sx += d.offeredLoad();
            sy += throughput(d);
            min = Math.min(min, d.offeredLoad());
            max = Math.max(max, d.offeredLoad());
        }
        double mx = sx / n;
        double my = sy / n;
        if (mx <= 0 || my <= 0 || (max - min) / mx < settings.plateauLoadIncrease()) {
            return null;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = history.size() - n; i < history.size(); i++) {
            IntervalData d = history.get(i).data();
            double dx = d.offeredLoad() - mx;
            sxy += dx * (throughput(d) - my);
            sxx += dx * dx;
        }
        double elasticity = sxy / sxx * mx / my;
        if (elasticity < settings.plateauElasticity()) {
            return String.format(
                    Locale.ROOT,
                    "offered load %.1f -> %.1f over the last %d intervals but throughput follows it with elasticity"
                            + " %.2f (< %.2f) at %.1f req/s",
                    min,
                    max,
                    n,
                    elasticity,
                    settings.plateauElasticity(),
                    my);
        }
        return null;
    }

    // ---- the knee ----

    private BreakingPoint breakingPoint(String reason, String detail, int index, IntervalData d) {
        Entry healthy = null;
        if (reason.equals("throughput_plateau")) {
            healthy = saturationStart();
        } else {
            for (int i = history.size() - 1; i >= 0; i--) {
                if (healthy(history.get(i).data())) {
                    healthy = history.get(i);
                    break;
                }
            }
        }
        Double kneeTp = null;
        int from = healthy == null ? 0 : history.indexOf(healthy);
        for (int i = from; i < history.size(); i++) {
            double tp = throughput(history.get(i).data());
            kneeTp = kneeTp == null ? tp : Math.max(kneeTp, tp);
        }
        return new BreakingPoint(
                reason,
                detail,
                d.endNanos() / 1e9,
                index,
                d.offeredLoad(),
                healthy == null ? null : Reports.round(healthy.data().offeredLoad()),
                healthy == null ? null : Reports.round(healthy.data().endNanos() / 1e9),
                kneeTp == null ? null : Reports.round(kneeTp));
    }

    /** Whether an interval shows none of the signals on its own. */
    private boolean healthy(IntervalData d) {
        boolean offered = d.scheduled() > 0 || d.offeredLoad() > 0;
        if (offered && d.requests() == 0) {
            return false;
        }
        double errBase = baselineErrorRate;
        if (rate(d.errors(), d.requests())
                > Math.max(settings.errorRateAbsolute(), settings.errorRateFactor() * errBase)) {
            return false;
        }
        if (rate(d.dropped(), d.scheduled()) > settings.dropRate()) {
            return false;
        }
        Histogram h = d.merged(true, "op:");
        if (baselineP99Ms >= 0 && h.getTotalCount() > 0) {
            double bound = Math.max(
                    settings.p99Factor() * baselineP99Ms, settings.p99Floor().toNanos() / 1e6);
            if (h.getValueAtPercentile(99) / 1000.0 > bound) {
                return false;
            }
        }
        // open model: the arrivals scheduled in the interval were (nearly) all served
        return d.scheduled() == 0 || throughput(d) >= SERVED_TOLERANCE * d.offeredLoad();
    }

    /** Plateau: the last interval of the horizon before throughput reached 95% of its recent level. */
    private Entry saturationStart() {
        int n = Math.min(history.size(), settings.plateauHorizon());
        int w = Math.min(settings.windowIntervals(), n);
        double level = 0;
        for (int i = history.size() - w; i < history.size(); i++) {
            level += throughput(history.get(i).data());
        }
        level /= w;
        for (int i = history.size() - n; i < history.size(); i++) {
            if (throughput(history.get(i).data()) >= 0.95 * level) {
                return i == history.size() - n ? history.get(i) : history.get(i - 1);
            }
        }
        return null;
    }

    // ---- helpers ----

    private IntervalData last(int back) {
        return history.get(history.size() - 1 - back).data();
    }

    private enum Counter {
        REQUESTS,
        ERRORS,
        SCHEDULED,
        DROPPED
    }

    /**
     * Where the window starts in the history: the last {@code windowIntervals}, extended back until they hold
     * {@code minSamples} requests (at most {@value #MAX_WINDOW_INTERVALS} intervals).
     */
    private int windowStart() {
        long requests = 0;
        int i = history.size();
        while (i > 0 && history.size() - i < MAX_WINDOW_INTERVALS) {
            if (history.size() - i >= settings.windowIntervals() && requests >= settings.minSamples()) {
                break;
            }
            i--;
            requests += history.get(i).data().requests();
        }
        return i;
    }

    private long sum(int from, Counter c) {
        long sum = 0;
        for (int i = from; i < history.size(); i++) {
            IntervalData d = history.get(i).data();
            sum += switch (c) {
                case REQUESTS -> d.requests();
                case ERRORS -> d.errors();
                case SCHEDULED -> d.scheduled();
                case DROPPED -> d.dropped();
            };
        }
        return sum;
    }

    private double seconds(int from) {
        double secs = 0;
        for (int i = from; i < history.size(); i++) {
            secs += history.get(i).data().seconds();
        }
        return secs;
    }

    private static double throughput(IntervalData d) {
        return d.seconds() <= 0 ? 0 : d.requests() / d.seconds();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
