package dev.jmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.SimulatedTarget;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.loadtest.target.Target;
import dev.jmcp.loadtest.target.TargetSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs the whole engine against in-process targets for a second or two. */
class EngineEndToEndTest {
    private static JsonNode json(String s) {
        return McpJson.mapper().readTree(s);
    }

    @Test
    void closedModelCountsSuccessesAndClassifiedErrorsApart() throws Exception {
        SimulatedTarget target = SimulatedTarget.builder()
                .latency(Duration.ofMillis(2))
                .errorRate(0.2)
                .errorCode(-32000)
                .toolErrorRate(0.1)
                .seed(42)
                .build();
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .closedModel(4)
                .duration(Duration.ofMillis(1500))
                .interval(Duration.ofMillis(250))
                .toolCall("echo", json("{\"text\":\"hi\"}"), 3)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();

        LoadTestReport.Stats s = r.summary();
        assertThat(s.requests()).isEqualTo(target.requests());
        assertThat(s.requests()).isEqualTo(s.successes() + s.errors());
        assertThat(s.errors()).isPositive();
        assertThat(s.errorsByClass()).containsKeys("jsonrpc:-32000", "tool_error");
        assertThat(s.errorsByClass().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(s.errors());
        assertThat(s.errorRate()).isBetween(0.15, 0.40);
        assertThat(s.latency().p50Ms()).isGreaterThanOrEqualTo(2.0);
        assertThat(r.operations()).containsKeys("tools/call", "ping");
        assertThat(r.tools()).containsOnlyKeys("echo");
        assertThat(r.tools().get("echo").requests())
                .isEqualTo(r.operations().get("tools/call").requests());
        assertThat(r.intervals().size()).isBetween(3, 8);
        assertThat(r.intervals().stream()
                        .mapToLong(LoadTestReport.IntervalPoint::requests)
                        .sum())
                .isEqualTo(s.requests());
        assertThat(r.generator().sessionsOpened()).isEqualTo(4);
        assertThat(target.sessionsClosed()).isEqualTo(4);
        assertThat(r.generator().droppedArrivals()).isZero();
        assertThat(r.stopReason()).isEqualTo("completed");
        assertThat(r.model()).isEqualTo("closed");
    }

    @Test
    void openModelMeasuresFromTheIntendedStartSoCoordinatedOmissionCannotHide() throws Exception {
        // one worker, a 20 ms server, 100 arrivals per second: the generator queues, the server never looks slow
        SimulatedTarget target =
                SimulatedTarget.builder().latency(Duration.ofMillis(20)).build();
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .openModel(100)
                .duration(Duration.ofSeconds(1))
                .workers(1, Duration.ofSeconds(10))
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        // request k (0-based) was intended at k x 10 ms but cannot start before k x 20 ms: whatever the machine's
        // speed, the last one's latency is at least (n - 1) x 10 ms + 20 ms, far above its service time
        long n = r.summary().requests();
        assertThat(n).isGreaterThan(5);
        assertThat(r.generator().serviceTime().minMs()).isGreaterThanOrEqualTo(19.9);
        assertThat(r.summary().latency().maxMs()).isGreaterThanOrEqualTo(0.99 * ((n - 1) * 10 + 20));
        assertThat(r.generator().lag().maxMs()).isGreaterThanOrEqualTo(0.99 * (n - 1) * 10);
        assertThat(n).isEqualTo(target.requests());
        LoadTestReport.Generator g = r.generator();
        assertThat(g.scheduledArrivals()).isEqualTo(g.iterations() + g.droppedArrivals());
    }

    @Test
    void openModelDropsArrivalsWithoutAFreeWorkerAndNeverCountsThemAsRequests() throws Exception {
        SimulatedTarget target =
                SimulatedTarget.builder().latency(Duration.ofMillis(50)).build();
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .openModel(200)
                .duration(Duration.ofSeconds(1))
                .workers(2, Duration.ZERO)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .threshold("drop_rate<1%")
                .build()
                .run();
        LoadTestReport.Generator g = r.generator();
        // never more than the schedule holds; how many of the 200 were reached before the stop depends on how
        // busy the machine is (the accounting below is what this test is about)
        assertThat(g.scheduledArrivals()).isBetween(100L, 200L);
        assertThat(g.droppedArrivals()).isPositive();
        assertThat(g.iterations() + g.droppedArrivals()).isEqualTo(g.scheduledArrivals());
        assertThat(r.summary().requests()).isEqualTo(target.requests()).isEqualTo(g.iterations());
        assertThat(r.summary().errors()).isZero();
        assertThat(r.passed()).isFalse();
        assertThat(r.intervals().stream()
                        .mapToLong(LoadTestReport.IntervalPoint::droppedArrivals)
                        .sum())
                .isEqualTo(g.droppedArrivals());
    }

    @Test
    void multiStepFlowPassesExtractedValuesOn() throws Exception {
        ConcurrentLinkedQueue<Step> seen = new ConcurrentLinkedQueue<>();
        Target recording = new Target() {
            @Override
            public TargetSession openSession(SessionMode mode) {
                return new TargetSession() {
                    int n;

                    @Override
                    public StepOutcome execute(Step step, Duration timeout) {
                        seen.add(step);
                        if ("create".equals(step.name())) {
                            return StepOutcome.success(json("{\"structuredContent\":{\"id\":" + (++n) + "}}"));
                        }
                        return StepOutcome.success(json("{}"));
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public String describe() {
                return "recording";
            }
        };
        Scenario flow = new Scenario(
                "create-read",
                1,
                List.of(
                        new FlowStep(Operation.TOOLS_CALL, "create", json("{}"), Map.of("id", "/structuredContent/id")),
                        FlowStep.of(Operation.RESOURCES_READ, "mem://items/${id}", null),
                        FlowStep.of(Operation.TOOLS_CALL, "get", json("{\"id\":\"${id}\",\"label\":\"item ${id}\"}"))));
        LoadTestReport r = LoadTest.builder()
                .target(recording)
                .closedModel(1)
                .iterations(3)
                .duration(null)
                .scenario(flow)
                .build()
                .run();
        assertThat(r.stopReason()).isEqualTo("iterations");
        assertThat(r.generator().iterations()).isEqualTo(3);
        assertThat(r.summary().requests()).isEqualTo(9);
        List<Step> steps = List.copyOf(seen);
        assertThat(steps.get(1).name()).isEqualTo("mem://items/1");
        assertThat(steps.get(2).arguments().get("id").isNumber()).isTrue(); // whole-placeholder keeps the type
        assertThat(steps.get(2).arguments().get("label").asString()).isEqualTo("item 1");
        assertThat(steps.get(8).arguments().get("label").asString()).isEqualTo("item 3");
    }

    @Test
    void missingExtractedValueIsAValidationErrorAndEndsTheIteration() throws Exception {
        SimulatedTarget target =
                SimulatedTarget.builder().latency(Duration.ofMillis(1)).build();
        Scenario flow = new Scenario(
                "flow",
                1,
                List.of(
                        new FlowStep(Operation.TOOLS_CALL, "create", null, Map.of("id", "/structuredContent/nope")),
                        FlowStep.of(Operation.RESOURCES_READ, "mem://${id}", null)));
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .closedModel(1)
                .iterations(5)
                .duration(null)
                .scenario(flow)
                .build()
                .run();
        assertThat(r.summary().requests()).isEqualTo(5);
        assertThat(r.summary().errorsByClass()).containsEntry("validation", 5L);
        assertThat(r.operations()).doesNotContainKey("resources/read");
    }

    @Test
    void perIterationSessionsChurnAndStallsShowUpAsTimeouts() throws Exception {
        SimulatedTarget target = SimulatedTarget.builder()
                .latency(Duration.ofMillis(1))
                .stallRate(0.5)
                .stall(Duration.ofSeconds(5))
                .seed(3)
                .build();
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .closedModel(2)
                .iterations(20)
                .duration(null)
                .timeout(Duration.ofMillis(30))
                .sessionMode(SessionMode.PER_ITERATION)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        assertThat(r.generator().iterations()).isEqualTo(20);
        assertThat(r.generator().sessionsOpened()).isEqualTo(20);
        assertThat(target.sessionsClosed()).isEqualTo(20);
        assertThat(r.summary().errorsByClass()).containsKey("timeout");
        assertThat(r.summary().errorLatency().minMs()).isGreaterThanOrEqualTo(30.0);
        assertThat(r.sessionMode()).isEqualTo("per-iteration");
    }

    @Test
    void sessionOpenFailuresAreConnectionErrors() throws Exception {
        SimulatedTarget target = SimulatedTarget.builder().openFailureRate(1.0).build();
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .closedModel(1)
                .iterations(3)
                .duration(null)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        assertThat(r.summary().errorsByClass()).containsEntry("connection", 3L);
        assertThat(r.generator().sessionOpenFailures()).isEqualTo(3);
        assertThat(target.requests()).isZero();
    }

    @Test
    void stopEndsARunEarlyAndStillReports() throws Exception {
        LoadTest test = LoadTest.builder()
                .target(SimulatedTarget.builder().latency(Duration.ofMillis(1)).build())
                .closedModel(2)
                .duration(Duration.ofSeconds(30))
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            test.stop();
        });
        stopper.start();
        LoadTestReport r = test.run();
        stopper.join(5000);
        assertThat(r.stopReason()).isEqualTo("interrupted");
        assertThat(r.durationSeconds()).isLessThan(10);
        assertThat(r.summary().requests()).isPositive();
    }

    @Test
    void stagesRampVirtualUsersAndReportPerStage() throws Exception {
        LoadTestReport r = LoadTest.builder()
                .target(SimulatedTarget.builder().latency(Duration.ofMillis(5)).build())
                .interval(Duration.ofMillis(200))
                .stage(new LoadTestConfig.Stage("up", Duration.ofMillis(600), 4, 0, true))
                .stage(new LoadTestConfig.Stage("hold", Duration.ofMillis(600), 4, 0, false))
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        assertThat(r.stages()).extracting(LoadTestReport.StageReport::name).containsExactly("up", "hold");
        assertThat(r.stages().get(0).targetVus()).isEqualTo(4);
        long perStage = r.stages().stream().mapToLong(s -> s.stats().requests()).sum();
        assertThat(perStage).isEqualTo(r.summary().requests());
        // ramping from 0 to 4 VUs does less work than holding 4
        assertThat(r.stages().get(0).stats().requests())
                .isLessThan(r.stages().get(1).stats().requests());
        assertThat(r.intervals().get(0).offeredLoad()).isLessThanOrEqualTo(4);
    }

    @Test
    void findCeilingReportsTheHighestRateThatMeetsTheSlo() throws Exception {
        // The server model's latency is a function of the offered rate of the step it is in (1 ms up to 150/s,
        // 1.5 s above), not of how busy this machine is; the SLO (p99 < 1 s) and an unlimited drop allowance leave
        // a loaded machine's scheduling noise far from the decision.
        double start = 50;
        double step = 100;
        Duration stepDuration = Duration.ofMillis(500);
        RateDependentTarget target = new RateDependentTarget(
                start, step, stepDuration, rate -> rate <= 150 ? Duration.ofMillis(1) : Duration.ofMillis(1500));
        LoadTestReport r = LoadTest.builder()
                .target(target)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .timeout(Duration.ofSeconds(3))
                .ceiling(new LoadTestConfig.CeilingSettings(
                        start, step, stepDuration, 650, Duration.ofSeconds(1), 0.01, 1.0))
                .build()
                .findCeiling();
        LoadTestReport.Ceiling c = r.ceiling();
        assertThat(c.highestSustainableRate()).as(c.reason()).isEqualTo(150.0);
        assertThat(c.brokeAtRate()).isEqualTo(250.0);
        assertThat(c.reason()).startsWith("at 250.0/s");
        assertThat(c.steps()).extracting(LoadTestReport.CeilingStep::passed).containsExactly(true, true, false);
        assertThat(r.model()).isEqualTo("open");
        assertThat(r.stopReason()).isEqualTo("stage_gate");
    }

    /**
     * A target whose latency depends only on the offered rate of the ceiling step it is in, found from the time
     * since its first request and the step plan. Its clock starts at or after the engine's, so it never believes a
     * later (faster-rate) step has begun before the engine does.
     */
    private static final class RateDependentTarget implements Target {
        private final double start;
        private final double step;
        private final long stepNanos;
        private final java.util.function.DoubleFunction<Duration> latencyAtRate;
        private final java.util.concurrent.atomic.AtomicLong firstRequest =
                new java.util.concurrent.atomic.AtomicLong();

        RateDependentTarget(
                double start, double step, Duration stepDuration, java.util.function.DoubleFunction<Duration> f) {
            this.start = start;
            this.step = step;
            this.stepNanos = stepDuration.toNanos();
            this.latencyAtRate = f;
        }

        @Override
        public TargetSession openSession(SessionMode mode) {
            return new TargetSession() {
                @Override
                public StepOutcome execute(Step s, Duration timeout) throws InterruptedException {
                    long now = System.nanoTime();
                    firstRequest.compareAndSet(0, now);
                    long index = (now - firstRequest.get()) / stepNanos;
                    Duration latency = latencyAtRate.apply(start + index * step);
                    long until = now + Math.min(latency.toNanos(), timeout.toNanos());
                    while (System.nanoTime() - until < 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
                        if (Thread.interrupted()) {
                            throw new InterruptedException();
                        }
                    }
                    return latency.compareTo(timeout) > 0
                            ? StepOutcome.timeout()
                            : StepOutcome.success(McpJson.object());
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public String describe() {
            return "rate-dependent";
        }
    }
}
