package dev.jmcp.loadtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestConfig.CeilingSettings;
import dev.jmcp.loadtest.LoadTestReport.Ceiling;
import java.time.Duration;
import java.util.function.DoubleUnaryOperator;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The ceiling search on synthetic step data: each step's latency is a function of its offered rate (a server
 * model), so the outcome depends on the search logic only, never on how loaded the test machine is.
 */
class CeilingFinderTest {
    private static final long STEP_NANOS = 1_000_000_000L;

    /** One step's data: {@code rate} arrivals in one second, each answered in {@code latencyMs}. */
    private static IntervalData step(int index, double rate, double latencyMs, long errors, long dropped) {
        IntervalData d = new IntervalData(0, 0, index);
        long arrivals = Math.round(rate);
        long served = arrivals - dropped;
        Histogram ok = new Histogram(WorkerMetrics.DIGITS);
        ok.recordValueWithCount(Math.round(latencyMs * 1000), served - errors);
        d.addOk("op:tools/call", ok);
        if (errors > 0) {
            Histogram err = new Histogram(WorkerMetrics.DIGITS);
            err.recordValueWithCount(1000, errors);
            d.addErr("op:tools/call", err);
        }
        d.span(index * STEP_NANOS, (index + 1) * STEP_NANOS);
        d.counters(arrivals, dropped, served, 0, 0);
        return d;
    }

    private static LoadPlan.Phase phase(int index, double rate) {
        return new LoadPlan.Phase(index, "step", index * STEP_NANOS, (index + 1) * STEP_NANOS, rate, rate, null);
    }

    /** Runs the finder over steps start, start+step, ... with latency model(rate); returns the result. */
    private static Ceiling search(CeilingSettings s, DoubleUnaryOperator latencyMsAtRate) {
        CeilingFinder finder = new CeilingFinder(s);
        int i = 0;
        for (double rate = s.startRate(); rate <= s.maxRate(); rate += s.stepRate(), i++) {
            boolean go = finder.proceed(phase(i, rate), step(i, rate, latencyMsAtRate.applyAsDouble(rate), 0, 0));
            if (!go) {
                break;
            }
        }
        return finder.result();
    }

    private static CeilingSettings settings(double start, double step, double max) {
        return new CeilingSettings(start, step, Duration.ofSeconds(1), max, Duration.ofMillis(100), 0.01, 0.01);
    }

    @Test
    void reportsTheLastRateWhoseP99MetTheSloAndTheFirstThatBrokeIt() {
        // an M/M/1-like server with capacity 200/s: 1 ms at low load, growing without bound near capacity
        DoubleUnaryOperator model = rate -> rate >= 200 ? 10_000 : 1.0 / (1 - rate / 200.0);
        Ceiling c = search(settings(50, 50, 650), model);
        // 50/s: 1.33 ms, 100/s: 2 ms, 150/s: 4 ms pass; 200/s: saturated
        assertThat(c.highestSustainableRate()).isEqualTo(150.0);
        assertThat(c.brokeAtRate()).isEqualTo(200.0);
        assertThat(c.steps()).hasSize(4);
        assertThat(c.steps()).extracting(s -> s.passed()).containsExactly(true, true, true, false);
        assertThat(c.reason()).startsWith("at 200.0/s: p99");
    }

    @Test
    void stopsAtTheFirstBreakEvenIfALaterRateWouldPass() {
        DoubleUnaryOperator model = rate -> rate == 100 ? 500 : 1;
        CeilingFinder finder = new CeilingFinder(settings(50, 50, 200));
        assertThat(finder.proceed(phase(0, 50), step(0, 50, model.applyAsDouble(50), 0, 0)))
                .isTrue();
        assertThat(finder.proceed(phase(1, 100), step(1, 100, model.applyAsDouble(100), 0, 0)))
                .isFalse();
        assertThat(finder.proceed(phase(2, 150), step(2, 150, model.applyAsDouble(150), 0, 0)))
                .isFalse();
        Ceiling c = finder.result();
        assertThat(c.highestSustainableRate()).isEqualTo(50.0);
        assertThat(c.brokeAtRate()).isEqualTo(100.0);
        assertThat(c.steps()).hasSize(2);
    }

    @Test
    void errorsDropsAndSilenceBreakTheSloToo() {
        CeilingFinder errors = new CeilingFinder(settings(100, 100, 300));
        assertThat(errors.proceed(phase(0, 100), step(0, 100, 1, 0, 0))).isTrue();
        assertThat(errors.proceed(phase(1, 200), step(1, 200, 1, 10, 0))).isFalse(); // 5% errors
        assertThat(errors.result().reason()).contains("error rate 5.00%");

        CeilingFinder drops = new CeilingFinder(settings(100, 100, 300));
        assertThat(drops.proceed(phase(0, 100), step(0, 100, 1, 0, 20))).isFalse(); // 20% dropped
        assertThat(drops.result().reason()).contains("dropped");
        assertThat(drops.result().highestSustainableRate()).isNull();

        CeilingFinder silent = new CeilingFinder(settings(100, 100, 300));
        IntervalData nothing = new IntervalData(0, STEP_NANOS, 0);
        assertThat(silent.proceed(phase(0, 100), nothing)).isFalse();
        assertThat(silent.result().reason()).contains("no requests completed");
    }

    @Test
    void everyRateMeetingTheSloReportsTheMaximumAndNoBreak() {
        Ceiling c = search(settings(100, 100, 300), rate -> 2);
        assertThat(c.highestSustainableRate()).isEqualTo(300.0);
        assertThat(c.brokeAtRate()).isNull();
        assertThat(c.steps()).hasSize(3);
    }
}
