package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaking point of merged segment reports: the run's detector settings travel in the report's configuration
 * echo ({@code configuration.breakingPoint}), and the detector is run again over the merged intervals (every
 * segment's histograms and counters added), so it judges the whole load, as one process that generated it all would
 * have.
 */
public final class MergedBreakingPoint {
    private MergedBreakingPoint() {}

    /**
     * The settings as the configuration echo holds them.
     *
     * @param s the settings
     * @return a map of the record's components ({@code p99Floor} as {@code p99FloorMs})
     */
    static Map<String, Object> echo(BreakingPointSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("warmupIntervals", s.warmupIntervals());
        m.put("baselineIntervals", s.baselineIntervals());
        m.put("windowIntervals", s.windowIntervals());
        m.put("minSamples", s.minSamples());
        m.put("confirmIntervals", s.confirmIntervals());
        m.put("errorRateAbsolute", s.errorRateAbsolute());
        m.put("errorRateFactor", s.errorRateFactor());
        m.put("p99Factor", s.p99Factor());
        m.put("p99FloorMs", s.p99Floor().toNanos() / 1e6);
        m.put("dropRate", s.dropRate());
        m.put("plateauHorizon", s.plateauHorizon());
        m.put("plateauLoadIncrease", s.plateauLoadIncrease());
        m.put("plateauElasticity", s.plateauElasticity());
        m.put("stopOnDetection", s.stopOnDetection());
        return m;
    }

    /**
     * The settings a report's configuration echo holds.
     *
     * @param configuration the report's {@code configuration}, or {@code null}
     * @return the settings, or {@code null} when the echo has none (a report written before they were echoed)
     */
    public static BreakingPointSettings settingsOf(Map<String, Object> configuration) {
        if (configuration == null || !(configuration.get("breakingPoint") instanceof Map<?, ?> m)) {
            return null;
        }
        BreakingPointSettings d = BreakingPointSettings.defaults();
        return new BreakingPointSettings(
                bool(m, "enabled", d.enabled()),
                (int) num(m, "warmupIntervals", d.warmupIntervals()),
                (int) num(m, "baselineIntervals", d.baselineIntervals()),
                (int) num(m, "windowIntervals", d.windowIntervals()),
                (int) num(m, "minSamples", d.minSamples()),
                (int) num(m, "confirmIntervals", d.confirmIntervals()),
                num(m, "errorRateAbsolute", d.errorRateAbsolute()),
                num(m, "errorRateFactor", d.errorRateFactor()),
                num(m, "p99Factor", d.p99Factor()),
                Duration.ofNanos(Math.round(num(m, "p99FloorMs", d.p99Floor().toNanos() / 1e6) * 1e6)),
                num(m, "dropRate", d.dropRate()),
                (int) num(m, "plateauHorizon", d.plateauHorizon()),
                num(m, "plateauLoadIncrease", d.plateauLoadIncrease()),
                num(m, "plateauElasticity", d.plateauElasticity()),
                bool(m, "stopOnDetection", d.stopOnDetection()));
    }

    /**
     * Runs the detector over the intervals in order.
     *
     * @param settings the detector's settings
     * @param intervals the merged intervals, oldest first
     * @return the first breaking point, or {@code null}
     */
    public static BreakingPoint detect(BreakingPointSettings settings, List<IntervalData> intervals) {
        BreakingPointDetector detector = new BreakingPointDetector(settings);
        for (IntervalData d : intervals) {
            if (detector.observe(d) != null) {
                break;
            }
        }
        return detector.found();
    }

    private static double num(Map<?, ?> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static boolean bool(Map<?, ?> m, String key, boolean fallback) {
        return m.get(key) instanceof Boolean b ? b : fallback;
    }
}
