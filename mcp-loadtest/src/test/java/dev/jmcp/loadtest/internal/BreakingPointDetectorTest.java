package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import java.time.Duration;
import java.util.List;
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

    private static BreakingPointSettings with(
            double dropRate, double p99Factor, double elasticity, int confirm, int warmup) {
        BreakingPointSettings d = BreakingPointSettings.defaults();
        return new BreakingPointSettings(
                true,
                warmup,
                d.baselineIntervals(),
                d.windowIntervals(),
                d.minSamples(),
                confirm,
                d.errorRateAbsolute(),
                d.errorRateFactor(),
                p99Factor,
                d.p99Floor(),
                dropRate,
                d.plateauHorizon(),
                d.plateauLoadIncrease(),
                elasticity,
                false);
    }

    /** 0 to 500 arrivals/s over 300 s against a server of 30 slots x 100 ms = 300/s. */
    private static VirtualTimeSimulation ramp(
            BreakingPointSettings s, Duration maxQueueWait, VirtualTimeSimulation.Behaviour behaviour) {
        // as many generator workers as server slots: overload shows as drops, not as a queue in the server
        return new VirtualTimeSimulation(
                List.of(new Stage("ramp", Duration.ofSeconds(300), 0, 500, true)),
                30,
                Duration.ofMillis(100),
                30,
                maxQueueWait,
                s,
                behaviour);
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
    void lateLatencyDegradationIsFoundDespiteALongHealthyStartAndConfirmedOverThreeIntervals() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 100; i++) {
            assertThat(d.observe(interval(i, 100, 100, 2_000, 0))).isNull();
        }
        assertThat(d.observe(interval(100, 100, 100, 20_000, 0))).isNull();
        assertThat(d.observe(interval(101, 100, 100, 20_000, 0))).isNull();
        BreakingPoint bp = d.observe(interval(102, 100, 100, 20_000, 0));
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("latency_degradation");
        assertThat(bp.intervalIndex()).isEqualTo(102);
        assertThat(bp.atSeconds()).isEqualTo(103.0);
        assertThat(bp.lastHealthySeconds()).isEqualTo(100.0); // the last fast interval, not where it fired
        assertThat(d.observe(interval(103, 100, 100, 20_000, 0))).isNull(); // reported once
    }

    @Test
    void oneSlowIntervalAtALowRateDoesNotLatch() {
        // 10 requests/s: a 1 s GC pause makes one interval's p99 (and every window containing it) 100x worse
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 60; i++) {
            long latency = i == 30 ? 200_000 : 2_000;
            assertThat(d.observe(interval(i, 10, 10, latency, 0))).isNull();
        }
    }

    @Test
    void warmUpIsExcludedFromTheBaseline() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        // JIT warm-up: the first two intervals are slow; were they in the baseline, a 5x slowdown would hide
        d.observe(interval(0, 100, 100, 50_000, 0));
        d.observe(interval(1, 100, 100, 50_000, 0));
        for (int i = 2; i < 20; i++) {
            assertThat(d.observe(interval(i, 100, 100, 2_000, 0))).isNull();
        }
        BreakingPoint bp = null;
        for (int i = 20; i < 23 && bp == null; i++) {
            bp = d.observe(interval(i, 100, 100, 10_000, 0));
        }
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("latency_degradation");
    }

    @Test
    void latencyBelowTheFloorIsNoise() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 8; i++) {
            d.observe(interval(i, 10, 100, 50, 0)); // 50 us
        }
        for (int i = 8; i < 20; i++) {
            assertThat(d.observe(interval(i, 10, 100, 500, 0))).isNull(); // x10 but 0.5 ms < 1 ms floor
        }
    }

    @Test
    void errorRateSpikeNeedsBothTheAbsoluteAndRelativeBound() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 5; i++) {
            d.observe(interval(i, 10, 90, 1_000, 10)); // 10% baseline
        }
        for (int i = 5; i < 12; i++) {
            assertThat(d.observe(interval(i, 10, 85, 1_000, 15))).isNull(); // 15% > 10% but < 2x baseline
        }
        BreakingPointDetector fresh = new BreakingPointDetector(settings);
        for (int i = 0; i < 8; i++) {
            fresh.observe(interval(i, 10, 100, 1_000, 0));
        }
        assertThat(fresh.observe(interval(8, 10, 50, 1_000, 50))).isNull();
        assertThat(fresh.observe(interval(9, 10, 50, 1_000, 50))).isNull();
        BreakingPoint bp = fresh.observe(interval(10, 10, 50, 1_000, 50));
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("error_rate_spike");
        assertThat(bp.detail()).contains("50.00%");
        assertThat(bp.lastHealthySeconds()).isEqualTo(8.0);
    }

    @Test
    void throughputThatFollowsTheLoadIsNoPlateau() {
        BreakingPointDetector d = new BreakingPointDetector(settings);
        for (int i = 0; i < 60; i++) {
            int load = 100 + i * 10;
            assertThat(d.observe(interval(i, load, load, 1_000, 0))).isNull();
        }
    }

    @Test
    void disabledDetectorNeverFires() {
        BreakingPointDetector d = new BreakingPointDetector(settings.withEnabled(false));
        for (int i = 0; i < 10; i++) {
            d.observe(interval(i, 10, 10, i < 5 ? 1_000 : 100_000, i < 5 ? 0 : 10));
        }
        assertThat(d.found()).isNull();
    }

    // ---- simulated server, virtual time ----

    @Test
    void gentleRampOverloadIsFoundByDropsWithTheKneeAtTheServersCapacity() throws Exception {
        VirtualTimeSimulation sim = ramp(settings, Duration.ofMillis(100), new VirtualTimeSimulation.Behaviour() {});
        BreakingPoint bp = sim.run();
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("drops");
        // capacity 300/s is reached at t = 180 s of the ramp (500/s over 300 s)
        assertThat(bp.atSeconds()).isBetween(180.0, 215.0);
        assertThat(bp.lastHealthyLoad()).isBetween(270.0, 330.0);
        assertThat(bp.throughputAtKneeRps()).isBetween(285.0, 315.0);
    }

    @Test
    void gentleRampInQueueModeIsFoundByLatencyGrowingFromTheIntendedStart() throws Exception {
        VirtualTimeSimulation sim = ramp(settings, null, new VirtualTimeSimulation.Behaviour() {});
        BreakingPoint bp = sim.run();
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("latency_degradation");
        assertThat(bp.atSeconds()).isBetween(180.0, 215.0);
        assertThat(bp.lastHealthyLoad()).isBetween(270.0, 330.0);
        assertThat(sim.intervals().stream().mapToLong(IntervalData::dropped).sum())
                .isZero();
    }

    @Test
    void gentleRampPlateauIsFoundByRegressionWhenOnlyThroughputShowsIt() throws Exception {
        // drops and latency not judged: only throughput that stops following the offered load shows the limit;
        // between two 3-interval windows the load rises ~3%, far below any "+20%" step test
        VirtualTimeSimulation sim =
                ramp(with(1.0, 1000, 0.5, 3, 2), Duration.ofMillis(100), new VirtualTimeSimulation.Behaviour() {});
        BreakingPoint bp = sim.run();
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("throughput_plateau");
        assertThat(bp.atSeconds()).isBetween(180.0, 225.0);
        assertThat(bp.lastHealthyLoad()).isBetween(270.0, 330.0);
        assertThat(bp.throughputAtKneeRps()).isBetween(285.0, 315.0);
    }

    @Test
    void aStallWithNoCompletionsIsFoundBeforeTimeoutsReturn() throws Exception {
        // 50/s steady; the server freezes from 60 s to 80 s: nothing completes, nothing fails yet
        VirtualTimeSimulation.Behaviour freeze = new VirtualTimeSimulation.Behaviour() {
            @Override
            public long notBefore(long t) {
                return t >= 60 * S && t < 80 * S ? 80 * S : t;
            }
        };
        // enough generator workers to hold every arrival of the freeze: no drops, only silence
        VirtualTimeSimulation sim = new VirtualTimeSimulation(
                List.of(new Stage("steady", Duration.ofSeconds(90), 0, 50, false)),
                30,
                Duration.ofMillis(100),
                1100,
                Duration.ofMillis(100),
                settings,
                freeze);
        BreakingPoint bp = sim.run();
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("stall");
        assertThat(bp.atSeconds()).isBetween(61.0, 65.0);
        assertThat(bp.lastHealthySeconds()).isBetween(59.0, 61.0);
        assertThat(bp.lastHealthyLoad()).isBetween(45.0, 55.0);
    }

    @Test
    void anErrorSpikeOnASimulatedServerIsFound() throws Exception {
        VirtualTimeSimulation.Behaviour failing = new VirtualTimeSimulation.Behaviour() {
            @Override
            public boolean fails(long t) {
                return t >= 40 * S && (t / 1_000_000L) % 2 == 0; // about half from 40 s
            }
        };
        VirtualTimeSimulation sim = new VirtualTimeSimulation(
                List.of(new Stage("steady", Duration.ofSeconds(80), 0, 100, false)),
                30,
                Duration.ofMillis(100),
                64,
                Duration.ofMillis(100),
                settings,
                failing);
        BreakingPoint bp = sim.run();
        assertThat(bp).isNotNull();
        assertThat(bp.reason()).isEqualTo("error_rate_spike");
        assertThat(bp.atSeconds()).isBetween(42.0, 45.0);
        assertThat(bp.lastHealthySeconds()).isEqualTo(40.0);
    }

    @Test
    void aSteadyLoadBelowCapacityOnASimulatedServerHasNoBreakingPoint() throws Exception {
        VirtualTimeSimulation sim = new VirtualTimeSimulation(
                List.of(new Stage("steady", Duration.ofSeconds(120), 0, 250, false)),
                30,
                Duration.ofMillis(100),
                64,
                Duration.ofMillis(100),
                settings,
                new VirtualTimeSimulation.Behaviour() {});
        assertThat(sim.run()).isNull();
        assertThat(sim.intervals()).hasSize(120);
    }
}
