package dev.jmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.jmcp.core.McpJson;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.HookedTarget;
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
        // which request fails is fixed by its number, not drawn at random: every 5th is a JSON-RPC error and a tool
        // call right after one of those answers isError, so the counts do not depend on timing or interleaving
        SimulatedTarget sim =
                SimulatedTarget.builder().latency(Duration.ofMillis(2)).build();
        EveryNthError faults = new EveryNthError(5, -32000);
        LoadTestReport r = LoadTest.builder()
                .target(new HookedTarget(sim, "every-nth-error", faults))
                .closedModel(4)
                .iterations(400) // bounded by work, not wall-clock time
                .duration(null)
                .interval(Duration.ofMillis(250))
                .toolCall("echo", json("{\"text\":\"hi\"}"), 3)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();

        LoadTestReport.Stats s = r.summary();
        long toolErrors = faults.toolErrors();
        assertThat(s.requests()).isEqualTo(400).isEqualTo(faults.requests()).isEqualTo(sim.requests());
        assertThat(toolErrors).isPositive().isLessThanOrEqualTo(80);
        assertThat(s.errorsByClass()).containsOnly(entry("jsonrpc:-32000", 80L), entry("tool_error", toolErrors));
        assertThat(s.errors()).isEqualTo(80 + toolErrors);
        assertThat(s.successes()).isEqualTo(400 - s.errors());
        assertThat(s.errorRate()).isCloseTo((80 + toolErrors) / 400.0, within(1e-6));
        assertThat(s.latency().p50Ms()).isGreaterThanOrEqualTo(2.0);
        assertThat(r.operations()).containsKeys("tools/call", "ping");
        assertThat(r.tools()).containsOnlyKeys("echo");
        assertThat(r.tools().get("echo").requests())
                .isEqualTo(r.operations().get("tools/call").requests());
        assertThat(r.operations().get("ping").errors()
                        + r.operations().get("tools/call").errors())
                .isEqualTo(s.errors());
        // how many intervals a run spans depends on the machine's speed; that they add up exactly does not
        assertThat(r.intervals()).isNotEmpty();
        assertThat(r.intervals().stream()
                        .mapToLong(LoadTestReport.IntervalPoint::requests)
                        .sum())
                .isEqualTo(s.requests());
        // a VU the machine never got round to before the work ran out opens no session: at most 4
        assertThat(r.generator().sessionsOpened()).isBetween(1L, 4L).isEqualTo(sim.sessionsOpened());
        assertThat(sim.sessionsClosed()).isEqualTo(sim.sessionsOpened());
        assertThat(r.generator().iterations()).isEqualTo(400);
        assertThat(r.generator().cutOffIterations()).isZero();
        assertThat(r.generator().droppedArrivals()).isZero();
        assertThat(r.stopReason()).isEqualTo("iterations");
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
                .iterations(30) // bounded by work: the schedule takes 0.3 s, the server 0.6 s
                .duration(Duration.ofSeconds(30))
                .workers(1, Duration.ofSeconds(30))
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        // request k (0-based) was intended at k x 10 ms but cannot start before k x 20 ms: whatever the machine's
        // speed, the last one's latency is at least (n - 1) x 10 ms + 20 ms, far above its service time
        long n = r.summary().requests();
        assertThat(n).isEqualTo(30);
        assertThat(r.generator().serviceTime().minMs()).isGreaterThanOrEqualTo(19.9);
        assertThat(r.summary().latency().maxMs()).isGreaterThanOrEqualTo(0.99 * ((n - 1) * 10 + 20));
        // the generator's own lag (from when an arrival was due and the worker free, to its start) stays far below
        // that: the waiting was for the busy worker, which the latency shows and the lag must not
        assertThat(r.generator().lag().maxMs())
                .isLessThan(0.5 * r.summary().latency().maxMs());
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
                .iterations(20) // 20 taken arrivals; the 50 ms server cannot keep up with 5 ms spacing
                .duration(Duration.ofSeconds(30))
                .workers(2, Duration.ZERO)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .threshold("drop_rate<1%")
                .build()
                .run();
        LoadTestReport.Generator g = r.generator();
        assertThat(g.iterations()).isEqualTo(20);
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
    void openModelPreOpensABoundedSessionPoolAndClosesItInParallel() throws Exception {
        SimulatedTarget sim =
                SimulatedTarget.builder().latency(Duration.ofMillis(20)).build();
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger opensAfterFirstRequest =
                new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch twoClosing = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.atomic.AtomicBoolean closedConcurrently = new java.util.concurrent.atomic.AtomicBoolean();
        Target pooled = new Target() {
            @Override
            public TargetSession openSession(SessionMode mode) throws Exception {
                if (served.get() > 0) {
                    opensAfterFirstRequest.incrementAndGet();
                }
                TargetSession s = sim.openSession(mode);
                return new TargetSession() {
                    @Override
                    public StepOutcome execute(Step step, Duration timeout) throws InterruptedException {
                        served.incrementAndGet();
                        return s.execute(step, timeout);
                    }

                    @Override
                    public void close() {
                        // sequential closes would never see two at once (each waits for the other, bounded)
                        twoClosing.countDown();
                        try {
                            if (twoClosing.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                                closedConcurrently.set(true);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        s.close();
                    }
                };
            }

            @Override
            public String describe() {
                return "pooled";
            }
        };
        LoadTestReport r = LoadTest.builder()
                .target(pooled)
                .openModel(200)
                .iterations(40)
                .duration(Duration.ofSeconds(30))
                .workers(8, Duration.ZERO)
                .sessionPool(3)
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        LoadTestReport.Generator g = r.generator();
        // three sessions, all opened before the first request; a 20 ms server at 5 ms spacing drops arrivals
        // instead of opening more sessions
        assertThat(sim.sessionsOpened()).isEqualTo(3);
        assertThat(g.sessionsOpened()).isEqualTo(3);
        assertThat(opensAfterFirstRequest.get()).isZero();
        assertThat(g.iterations()).isEqualTo(40);
        assertThat(g.droppedArrivals()).isPositive();
        assertThat(g.scheduledArrivals()).isEqualTo(g.iterations() + g.droppedArrivals());
        assertThat(r.summary().requests()).isEqualTo(40);
        assertThat(sim.sessionsClosed()).isEqualTo(3);
        assertThat(closedConcurrently.get()).isTrue();
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
        // the target itself asks for the stop after its 20th request: no timing involved
        java.util.concurrent.atomic.AtomicReference<LoadTest> test =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        SimulatedTarget sim =
                SimulatedTarget.builder().latency(Duration.ofMillis(1)).build();
        Target stopping = new HookedTarget(sim, "stopping", (step, outcome) -> {
            if (served.incrementAndGet() == 20) {
                test.get().stop();
            }
            return outcome;
        });
        test.set(LoadTest.builder()
                .target(stopping)
                .closedModel(2)
                .duration(Duration.ofSeconds(60))
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build());
        LoadTestReport r = test.get().run();
        assertThat(r.stopReason()).isEqualTo("interrupted");
        assertThat(r.summary().requests()).isGreaterThanOrEqualTo(20).isEqualTo(served.get());
        assertThat(r.durationSeconds()).isLessThan(60);
        assertThat(sim.sessionsClosed()).isEqualTo(sim.sessionsOpened());
    }

    @Test
    void workersThatDoNotStopInTimeAreCutOffAndTheirLateSamplesNeverCount() throws Exception {
        // from the 5th request on the server never answers and the calls ignore interrupts (as a worker the
        // machine does not schedule in time would): the run must still end, and every figure must agree
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<LoadTest> test =
                new java.util.concurrent.atomic.AtomicReference<>();
        Target stuck = new Target() {
            @Override
            public TargetSession openSession(SessionMode mode) {
                return new TargetSession() {
                    @Override
                    public StepOutcome execute(Step step, Duration timeout) {
                        int n = calls.incrementAndGet();
                        if (n >= 5) {
                            if (n == 6) {
                                test.get().stop();
                            }
                            long deadline = System.nanoTime() + 30_000_000_000L;
                            boolean interrupted = false;
                            while (release.getCount() > 0 && System.nanoTime() - deadline < 0) {
                                try {
                                    release.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                                } catch (InterruptedException e) {
                                    interrupted = true; // ignored, as a stuck call would
                                }
                            }
                            if (interrupted) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return StepOutcome.success(McpJson.object());
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public String describe() {
                return "stuck";
            }
        };
        test.set(LoadTest.builder()
                .target(stuck)
                .closedModel(2)
                .duration(Duration.ofSeconds(60))
                .timeout(Duration.ofMillis(10)) // grace: timeout + 1 s
                .toolCall("echo", json("{}"), 1)
                .build());
        LoadTestReport r;
        try {
            r = test.get().run();
        } finally {
            release.countDown(); // the stuck workers now finish and try to record: too late
        }
        LoadTestReport.Generator g = r.generator();
        assertThat(r.stopReason()).isEqualTo("interrupted");
        assertThat(g.cutOffIterations()).isEqualTo(2);
        assertThat(r.summary().requests()).isEqualTo(4);
        assertThat(g.iterations()).isEqualTo(r.summary().requests() + g.cutOffIterations());
        assertThat(r.operations().get("tools/call").requests())
                .isEqualTo(r.tools().get("echo").requests())
                .isEqualTo(r.summary().requests());
        assertThat(r.intervals().stream()
                        .mapToLong(LoadTestReport.IntervalPoint::requests)
                        .sum())
                .isEqualTo(4);
    }

    @Test
    void stagesRampVirtualUsersAndReportPerStage() throws Exception {
        LoadTestReport r = LoadTest.builder()
                .target(SimulatedTarget.builder().latency(Duration.ofMillis(5)).build())
                .interval(Duration.ofMillis(200))
                .stage(new LoadTestConfig.Stage("up", Duration.ofMillis(400), 4, 0, true))
                .stage(new LoadTestConfig.Stage("hold", Duration.ofMillis(400), 4, 0, false))
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .build()
                .run();
        assertThat(r.stages()).extracting(LoadTestReport.StageReport::name).containsExactly("up", "hold");
        assertThat(r.stages().get(0).targetVus()).isEqualTo(4);
        long perStage = r.stages().stream().mapToLong(s -> s.stats().requests()).sum();
        assertThat(perStage).isEqualTo(r.summary().requests());
        // VUs only ever rise during the ramp and never pass its target (the levels themselves are checked against
        // the plan in OpenModelSchedulerTest, free of timing)
        double previous = 0;
        for (LoadTestReport.IntervalPoint p : r.intervals()) {
            assertThat(p.offeredLoad()).isBetween(0.0, 4.0);
            if (p.stage() == 0) {
                assertThat(p.offeredLoad()).isGreaterThanOrEqualTo(previous);
                previous = p.offeredLoad();
            }
        }
    }

    @Test
    void findCeilingSearchesGeometricallyThenBisectsWithEachStepItsOwnRun() throws Exception {
        // 2 requests at a time x 10 ms = 200/s. 400/s (twice the capacity) queues 100 requests in a 500 ms step, so
        // its p99 is far above the 100 ms SLO however fast the machine is; 50/s is far below capacity.
        LoadTestReport r = LoadTest.builder()
                .target(SimulatedTarget.builder()
                        .latency(Duration.ofMillis(10))
                        .capacity(2)
                        .build())
                .scenario(Scenario.of("ping", 1, FlowStep.of(Operation.PING, null, null)))
                .timeout(Duration.ofSeconds(3))
                .ceiling(new LoadTestConfig.CeilingSettings(
                        50, 25, Duration.ofMillis(500), 800, Duration.ofMillis(100), 0.01, 1.0, 2.0, 0))
                .build()
                .findCeiling();
        LoadTestReport.Ceiling c = r.ceiling();
        List<LoadTestReport.CeilingStep> steps = c.steps();
        assertThat(steps.get(0).rate()).isEqualTo(50.0);
        int firstFailure = 0;
        while (firstFailure < steps.size() && steps.get(firstFailure).passed()) {
            // geometric: each passing step doubles the rate
            assertThat(steps.get(firstFailure).rate()).isEqualTo(50.0 * Math.pow(2, firstFailure));
            firstFailure++;
        }
        assertThat(firstFailure).as("400/s cannot pass: %s", steps).isLessThan(steps.size());
        assertThat(steps.get(firstFailure).rate()).isLessThanOrEqualTo(400.0);
        // then bisection: every later step lies inside the bracket of what passed and failed before it
        double lo = firstFailure == 0 ? 0 : steps.get(firstFailure - 1).rate();
        double hi = steps.get(firstFailure).rate();
        for (int i = firstFailure + 1; i < steps.size(); i++) {
            double rate = steps.get(i).rate();
            assertThat(rate).isStrictlyBetween(lo, hi);
            if (steps.get(i).passed()) {
                lo = rate;
            } else {
                hi = rate;
            }
        }
        assertThat(hi - lo).isLessThanOrEqualTo(25.0);
        assertThat(c.brokeAtRate()).isEqualTo(hi);
        if (lo > 0) {
            assertThat(c.highestSustainableRate()).isEqualTo(lo);
            // the report is the run of the highest sustainable step: its arrivals were all intended in it
            assertThat(r.stages()).hasSize(1);
            assertThat(r.stages().get(0).targetRate()).isEqualTo(lo);
        }
        assertThat(r.model()).isEqualTo("open");
    }

    /**
     * Fails steps by request number, so error counts are exact whatever the timing: request {@code n} (1-based, over
     * all sessions) becomes a JSON-RPC error when {@code n} is a multiple of {@code every}, and a tool call numbered
     * one more than such a multiple answers {@code isError: true}.
     */
    private static final class EveryNthError implements HookedTarget.StepHook {
        private final int every;
        private final int errorCode;
        private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong toolErrors = new java.util.concurrent.atomic.AtomicLong();

        EveryNthError(int every, int errorCode) {
            this.every = every;
            this.errorCode = errorCode;
        }

        @Override
        public StepOutcome after(Step step, StepOutcome outcome) {
            long n = requests.incrementAndGet();
            if (n % every == 0) {
                return StepOutcome.jsonRpcError(errorCode, "error by number");
            }
            if (n % every == 1 && step.operation() == Operation.TOOLS_CALL) {
                toolErrors.incrementAndGet();
                return StepOutcome.toolError(outcome.result());
            }
            return outcome;
        }

        long requests() {
            return requests.get();
        }

        long toolErrors() {
            return toolErrors.get();
        }
    }
}
