package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BreakingPointDetectorTest {
    private static final long S = 1_000_000_000L;
    private final BreakingPointSettings settings = BreakingPointSettings.defaults();

    /** One synthetic 1 s interval: {@code ok} successes at {@code latencyUs}, {@code errors} failures. */
    private static IntervalData interval(int i, double load, int ok, long latencyUs, int errors) {
        IntervalData d = new IntervalData(i * S, (i + 1) * S, 0);
        Histogram h = new Histogram(3);
        for (int k = 0; k < ok; k++) {
            h.recordValue(latencyUs);
        }
        d.addOk("op:tools/call", h);
        Histogram e = new Histogram(3);
        for (int k = 0; k < errors; k++) {
            e.recordValue(latencyUs);
        }
        d.addErr("op:tools/call", e);
        d.offeredLoad(load);
        return d;
    }

    @Test
    void steadyServerHasNoBreakingPoint() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 60; i++) {
            assertThat(d.observe(interval(i, 100, 100, 2_000, 0))).isNull();
        }
        assertThat(d.found()).isNull();
    }

    @Test
    void lateLatencyDegradationIsFoundDespiteALongHealthyStart() {
        // 100 healthy intervals: cumulative data would dilute the 3 bad ones to nothing
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 100; i++) {
            assertThat(d.observe(interval(i, 100, 100, 2_000, 0))).isNull();
        }
        // the first slow interval is a third of the window: its p99 is already the slow latency
        BreakingPoint bp = d.observe(interval(100, 100, 100, 20_000, 0));
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("latency_degradation");
        assertThat(bp.intervalIndex()).isEqualTo(100);
        assertThat(bp.atSeconds()).isEqualTo(101.0);
        assertThat(d.observe(interval(101, 100, 100, 20_000, 0))).isNull(); // reported once
    }

    @Test
    void latencyBelowTheFloorIsNoise() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 5; i++) {
            d.observe(interval(i, 10, 100, 50, 0)); // 50 us
        }
        for (int i = 5; i < 10; i++) {
            assertThat(d.observe(interval(i, 10, 100, 500, 0))).isNull(); // x10 but 0.5 ms < 1 ms floor
        }
    }

    @Test
    void errorRateSpikeNeedsBothTheAbsoluteAndRelativeBound() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 3; i++) {
            d.observe(interval(i, 10, 90, 1_000, 10)); // 10% baseline
        }
        for (int i = 3; i < 8; i++) {
            assertThat(d.observe(interval(i, 10, 85, 1_000, 15))).isNull(); // 15% > 10% but < 2x baseline
        }
        BreakingPointDetector fresh = new BreakingPointDetector(settings);
        for (int i = 0; i < 3; i++) {
            fresh.observe(interval(i, 10, 100, 1_000, 0));
        }
        fresh.observe(interval(3, 10, 100, 1_000, 0));
        fresh.observe(interval(4, 10, 50, 1_000, 50));
        BreakingPoint bp = fresh.observe(interval(5, 10, 50, 1_000, 50));
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("error_rate_spike");
        assertThat(bp.detail()).contains("33.33%");
    }

    @Test
    void throughputPlateauWhileOfferedLoadRises() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        int i = 0;
        for (; i < 6; i++) {
            assertThat(d.observe(interval(i, 100, 100, 1_000, 0))).isNull();
        }
        // load doubles, throughput stays: the window (100, 100, 200) vs (100, 100, 100) is +33% load, +0.3% tp
        BreakingPoint bp = d.observe(interval(i, 200, 101, 1_000, 0));
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("throughput_plateau");
        assertThat(bp.offeredLoad()).isEqualTo(200);
    }

    @Test
    void throughputThatFollowsTheLoadIsNoPlateau() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 20; i++) {
            int load = 100 + i * 50;
            assertThat(d.observe(interval(i, load, load, 1_000, 0))).isNull();
        }
    }

    @Test
    void disabledDetectorNeverFires() {
        BreakingPointSettings off =
                new BreakingPointSettings(false, 3, 3, 0.1, 2, 3, Duration.ofMillis(1), 0.2, 0.05, false);
        BreakingPointDetector d = new BreakingPointDetector(off);
        for (int i = 0; i < 10; i++) {
            d.observe(interval(i, 10, 10, i < 5 ? 1_000 : 100_000, i < 5 ? 0 : 10));
        }
        assertThat(d.found()).isNull();
    }
}
