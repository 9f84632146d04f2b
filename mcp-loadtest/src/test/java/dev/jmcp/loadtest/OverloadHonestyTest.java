package dev.jmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestReport.ThresholdResult;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SimulatedTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine under overload: drops are counted in the headline figures, the wrk2-style queue mode lets latency grow
 * instead, the closed model says it measures service time unless paced, and the drain after the end is no measured
 * time. A 50 ms server behind 4 generator workers serves 80/s at most; 200/s are offered.
 */
class OverloadHonestyTest {
    private static final Scenario PING = Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null));

    private static LoadTest.Builder overloaded(Overload overload) {
        return LoadTest.builder()
                .target(SimulatedTarget.builder().latency(Duration.ofMillis(50)).build())
                .scenario(PING)
                .openModel(200)
                .duration(Duration.ofMillis(1500))
                .workers(4, Duration.ofMillis(20))
                .overload(overload)
                .timeout(Duration.ofSeconds(2))
                .interval(Duration.ofMillis(500))
                .breakingPoint(LoadTestConfig.BreakingPointSettings.defaults().withEnabled(false))
                .threshold("drop_rate<1%")
                .threshold("effective_p99<1s")
                .threshold("p99<1s");
    }

    @Test
    void droppedArrivalsCountInTheEffectiveLatencyAsAtLeastTheTimeoutAndFailTheDropRateThreshold() throws Exception {
        LoadTestReport r = overloaded(Overload.DROP).build().run();
        LoadTestReport.Stats s = r.summary();
        assertThat(s.droppedArrivals()).isPositive().isEqualTo(r.generator().droppedArrivals());
        assertThat(s.dropRate()).isGreaterThan(0.3); // at most 80 of 200/s can start
        // every request and every drop is in the effective distribution; each drop counts as >= the 2 s timeout
        assertThat(s.effectiveLatency().count()).isEqualTo(s.requests() + s.droppedArrivals());
        assertThat(s.effectiveLatency().p99Ms()).isGreaterThanOrEqualTo(2000.0);
        assertThat(s.latency().p99Ms()).isLessThan(1000.0); // the served-only figure alone would look fine
        assertThat(r.thresholds())
                .extracting(ThresholdResult::expression, ThresholdResult::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("drop_rate<1%", false),
                        org.assertj.core.groups.Tuple.tuple("effective_p99<1s", false),
                        org.assertj.core.groups.Tuple.tuple("p99<1s", true));
        assertThat(r.passed()).isFalse();
        assertThat(r.latencyBasis()).isEqualTo(LoadTestReport.FROM_INTENDED_START);
        assertThat(ReportFiles.summary(r)).contains("effective latency", "dropped arrivals counted as >= timeout");
        assertThat(r.intervals()).anyMatch(p -> p.effectiveLatency() != null && p.droppedArrivals() > 0);
    }

    @Test
    void queueModeNeverDropsWhileRunningAndLatencyKeepsGrowingFromTheIntendedStart() throws Exception {
        LoadTestReport r = overloaded(Overload.QUEUE).build().run();
        LoadTestReport.Generator g = r.generator();
        // nothing is dropped while the run lasts: the only "dropped" arrivals are the backlog never started by the
        // end (counted when the load ends, 1.5 s), so that none is invisible
        assertThat(r.intervals())
                .filteredOn(p -> p.startSeconds() + p.durationSeconds() < 1.4)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.droppedArrivals()).isZero());
        assertThat(g.droppedArrivals()).isPositive().isEqualTo(g.scheduledArrivals() - g.iterations());
        // 200/s offered, at most 80/s served: the queue grows ~120/s, so late requests waited for seconds
        assertThat(r.summary().latency().maxMs()).isGreaterThan(700.0);
        assertThat(g.serviceTime().p99Ms()).isLessThan(700.0);
        // the offered load is what was planned, not the rate at which queued arrivals got started
        assertThat(r.intervals().get(0).offeredLoad()).isEqualTo(200.0);
        List<LoadTestReport.IntervalPoint> iv =
                r.intervals().stream().filter(p -> p.latency() != null).toList();
        assertThat(iv.get(iv.size() - 1).latency().p50Ms())
                .isGreaterThan(iv.get(0).latency().p50Ms());
    }

    @Test
    void closedModelWithoutPacingSaysItMeasuresServiceTime() throws Exception {
        LoadTestReport r = LoadTest.builder()
                .target(SimulatedTarget.builder().latency(Duration.ofMillis(5)).build())
                .scenario(PING)
                .closedModel(1)
                .iterations(20)
                .duration(null)
                .build()
                .run();
        assertThat(r.latencyBasis()).isEqualTo(LoadTestReport.SERVICE_TIME);
        assertThat(ReportFiles.summary(r))
                .contains("service time (closed model")
                .doesNotContain("intended start");
        assertThat(ReportFiles.toHtml(r)).containsPattern("\"latencyBasis\"\\s*:\\s*\"service_time\"");
    }

    @Test
    void pacedClosedModelMeasuresFromEachIterationsIntendedStart() throws Exception {
        // one user paced at an iteration every 100 ms against a 250 ms server: every iteration overruns its slot, so
        // from the intended start latency grows by ~150 ms per iteration, while service time stays 250 ms
        LoadTestReport r = LoadTest.builder()
                .target(SimulatedTarget.builder()
                        .latency(Duration.ofMillis(250))
                        .build())
                .scenario(PING)
                .closedModel(1)
                .pacing(Duration.ofMillis(100))
                .duration(Duration.ofMillis(1300))
                .build()
                .run();
        assertThat(r.latencyBasis()).isEqualTo(LoadTestReport.FROM_INTENDED_START);
        assertThat(r.summary().requests()).isGreaterThanOrEqualTo(3);
        assertThat(r.summary().latency().maxMs()).isGreaterThan(500.0);
        assertThat(r.generator().serviceTime().maxMs()).isLessThan(500.0);
        assertThat(ReportFiles.summary(r)).contains("latency (from intended start");
    }

    @Test
    void theDrainAfterTheEndIsNotMeasuredTime() throws Exception {
        // one user, 700 ms per request, 1 s run: the second request completes ~0.4 s into the drain; it counts,
        // but the rate is over the 1 s of load, not 1.4 s
        LoadTestReport r = LoadTest.builder()
                .target(SimulatedTarget.builder()
                        .latency(Duration.ofMillis(700))
                        .build())
                .scenario(PING)
                .closedModel(1)
                .duration(Duration.ofSeconds(1))
                .timeout(Duration.ofSeconds(5))
                .build()
                .run();
        assertThat(r.summary().requests()).isEqualTo(2);
        assertThat(r.durationSeconds()).isBetween(0.95, 1.2);
        assertThat(r.summary().throughputRps())
                .isCloseTo(2 / r.durationSeconds(), org.assertj.core.data.Offset.offset(0.01));
    }
}
