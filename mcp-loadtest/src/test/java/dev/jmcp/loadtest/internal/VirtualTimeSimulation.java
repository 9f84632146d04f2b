package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.BreakingPointSettings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An open-model run in virtual time: the real {@link ArrivalSchedule}, {@link OpenModelScheduler},
 * {@link MetricsHub}, per-worker recorders, interval cutting and {@link BreakingPointDetector}, driven by a clock
 * that jumps, against a simulated server: {@code slots} requests in service at once (FIFO), each taking
 * {@code service}, so its capacity is {@code slots / service}. A 300-second ramp runs in well under a second.
 */
final class VirtualTimeSimulation {
    private static final long S = 1_000_000_000L;
    private static final Step STEP = new Step(Operation.PING, null, null);

    /** A server behaviour at a virtual time: per request, when it may start (a freeze) and whether it fails. */
    interface Behaviour {
        /** The earliest time a request arriving at the server at {@code t} may begin service. */
        default long notBefore(long t) {
            return t;
        }

        /** Whether a request completing at {@code t} fails. */
        default boolean fails(long t) {
            return false;
        }
    }

    private record Completion(long end, WorkerMetrics worker, long latency, long service, boolean failed)
            implements Comparable<Completion> {
        @Override
        public int compareTo(Completion o) {
            return Long.compare(end, o.end);
        }
    }

    /** A clock that cuts an interval at every whole second it passes and delivers due completions. */
    private final class SimClock implements Clock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            advance(deadline);
        }
    }

    private final SimClock clock = new SimClock();
    private final MetricsHub hub;
    private final BreakingPointDetector detector;
    private final List<IntervalData> intervals = new ArrayList<>();
    private final PriorityQueue<Completion> inService = new PriorityQueue<>();
    private final long[] serverFree;
    private final long[] workerFree;
    private final WorkerMetrics[] workerMetrics;
    private final long service;
    private final Behaviour behaviour;
    private final LoadPlan plan;
    private final long maxQueueWait;
    private long nextCut = S;

    VirtualTimeSimulation(
            List<Stage> stages,
            int slots,
            Duration service,
            int generatorWorkers,
            Duration maxQueueWait,
            BreakingPointSettings detection,
            Behaviour behaviour) {
        LoadTestConfig config = new LoadTestConfig(
                null,
                LoadTestConfig.Settings.defaults().withModel(LoadModel.OPEN),
                List.of(),
                stages,
                List.of(),
                detection,
                LoadTestConfig.CeilingSettings.defaults(),
                "sim");
        this.plan = LoadPlan.of(config);
        this.hub = new MetricsHub(Duration.ofSeconds(30).toNanos());
        this.detector = new BreakingPointDetector(detection);
        this.serverFree = new long[slots];
        this.workerFree = new long[generatorWorkers];
        this.workerMetrics = new WorkerMetrics[generatorWorkers];
        for (int i = 0; i < generatorWorkers; i++) {
            workerMetrics[i] = hub.newWorker();
        }
        this.service = service.toNanos();
        this.behaviour = behaviour;
        this.maxQueueWait = maxQueueWait == null ? -1 : maxQueueWait.toNanos();
    }

    /** Runs the whole plan; returns the breaking point found, or {@code null}. */
    BreakingPoint run() throws InterruptedException {
        OpenModelScheduler scheduler =
                new OpenModelScheduler(clock, new ArrivalSchedule(plan), this::dispatch, hub, maxQueueWait, 0);
        scheduler.run(0, () -> false);
        advance(plan.endNanos());
        return detector.found();
    }

    List<IntervalData> intervals() {
        return intervals;
    }

    private boolean dispatch(long intended, long deadline) {
        int w = 0;
        for (int i = 1; i < workerFree.length; i++) {
            if (workerFree[i] < workerFree[w]) {
                w = i;
            }
        }
        if (workerFree[w] - deadline > 0) {
            advance(Math.max(clock.now, deadline)); // waited in vain for a worker
            return false;
        }
        advance(Math.max(clock.now, workerFree[w]));
        long start = clock.now;
        if (!workerMetrics[w].beginIteration()) {
            return false;
        }
        int s = 0;
        for (int i = 1; i < serverFree.length; i++) {
            if (serverFree[i] < serverFree[s]) {
                s = i;
            }
        }
        long begin = Math.max(behaviour.notBefore(start), serverFree[s]);
        long end = begin + service;
        serverFree[s] = end;
        workerFree[w] = end;
        inService.add(new Completion(end, workerMetrics[w], end - intended, end - start, behaviour.fails(end)));
        return true;
    }

    /** Moves virtual time to {@code t}: completions land in the interval they end in, intervals are cut. */
    private void advance(long t) {
        while (true) {
            long next = Math.min(nextCut, t);
            while (!inService.isEmpty() && inService.peek().end() <= next) {
                Completion c = inService.poll();
                StepOutcome outcome =
                        c.failed() ? StepOutcome.jsonRpcError(-32603, "simulated") : StepOutcome.success(null);
                c.worker().record(STEP, outcome, c.latency(), c.service());
                c.worker().endIteration();
            }
            clock.now = Math.max(clock.now, next);
            if (next == nextCut && nextCut <= t) {
                IntervalData d = hub.snapshot(nextCut, plan.phaseAt(nextCut - 1));
                d.offeredLoad(d.scheduled() / d.seconds());
                intervals.add(d);
                detector.observe(d);
                nextCut += S;
            }
            if (next >= t) {
                return;
            }
        }
    }
}
