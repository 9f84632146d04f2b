package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.LoadTestReport.StageReport;
import dev.jmcp.loadtest.LoadTestReport.ThresholdResult;
import dev.jmcp.loadtest.target.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a load test: drives the open or closed model through the plan's stages, cuts the measurements into
 * intervals (live view, breaking-point detection, per-stage and run totals) and builds the report.
 */
public final class Engine {
    /** Receives each interval as it is cut. */
    public interface Listener {
        /** Called after every interval from the collector thread. */
        void onInterval(
                IntervalPoint point,
                IntervalData runSoFar,
                double elapsedSeconds,
                double plannedSeconds,
                String stageName);

        /** Called once when a breaking point is found. */
        default void onBreakingPoint(BreakingPoint breakingPoint) {}
    }

    /**
     * Decides at each stage end whether the run goes on ({@code find-ceiling} uses it); also called for the last
     * stage when the run ends (its answer is then ignored).
     */
    @FunctionalInterface
    public interface StageGate {
        /** Returns false to stop the run after this stage. */
        boolean proceed(LoadPlan.Phase phase, IntervalData stageData);
    }

    private static final long TICK_NANOS = 10_000_000L;

    private final LoadTestConfig config;
    private final Target target;
    private final Clock clock;
    private final Listener listener;
    private final StageGate gate;
    private final LoadPlan plan;
    private final MetricsHub hub = new MetricsHub();
    private final IterationRunner runner;
    private final BreakingPointDetector detector;
    private final List<IntervalData> intervals = new ArrayList<>();
    private final IntervalData total = new IntervalData(0, 0, 0);
    private final List<IntervalData> stageData = new ArrayList<>();
    private final long[] stageStart;
    private final long[] stageEnd;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger runningVus = new AtomicInteger();
    private final AtomicLong iterationPermits = new AtomicLong();
    private final List<Worker> allWorkers = Collections.synchronizedList(new ArrayList<>());
    private final SplittableRandom seeds;
    private volatile String stopReason;
    private volatile boolean stopping;
    private volatile int currentPhase;
    private volatile boolean schedulerDone;
    private long startNanos;

    /** Creates an engine; {@code listener} and {@code gate} may be {@code null}. */
    public Engine(LoadTestConfig config, Target target, Clock clock, Listener listener, StageGate gate) {
        this.config = config;
        this.target = target;
        this.clock = clock;
        this.listener = listener;
        this.gate = gate;
        this.plan = LoadPlan.of(config);
        this.runner = new IterationRunner(target, config, clock, hub);
        this.detector = new BreakingPointDetector(config.breakingPoint());
        this.seeds = new SplittableRandom(config.settings().seed());
        for (LoadPlan.Phase p : plan.phases()) {
            stageData.add(new IntervalData(p.startNanos(), p.startNanos(), p.index()));
        }
        this.stageStart = new long[plan.phases().size()];
        this.stageEnd = new long[plan.phases().size()];
        java.util.Arrays.fill(stageStart, -1);
    }

    /** Asks the run to stop (Ctrl+C, abort); the report is still produced. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Runs to completion (or {@link #stop}) and returns the report, thresholds evaluated. */
    public LoadTestReport run() throws InterruptedException {
        Instant startedAt = Instant.now();
        startNanos = clock.nanoTime();
        stageStart[0] = 0;
        int maxThreads = config.settings().model() == LoadModel.OPEN
                ? config.settings().maxWorkers()
                : (int) Math.max(1, maxVus());
        ExecutorService executor = Threads.workers("jmcp-loadtest-vu", maxThreads + 1);
        Thread collector = Threads.platform("jmcp-loadtest-collector", this::collectLoop);
        collector.start();
        Thread scheduler = null;
        if (config.settings().model() == LoadModel.OPEN) {
            scheduler = startScheduler(executor);
        }
        Deque<Worker> vus = new ConcurrentLinkedDeque<>();
        try {
            mainLoop(executor, vus);
        } finally {
            stopping = true;
            if (scheduler != null) {
                scheduler.interrupt();
                scheduler.join(2000);
            }
            vus.forEach(v -> v.active = false);
            long graceNanos = Math.min(config.settings().timeout().toNanos() + 1_000_000_000L, 5_000_000_000L);
            long deadline = System.nanoTime() + graceNanos;
            while ((inFlight.get() > 0 || runningVus.get() > 0) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(5_000_000L);
            }
            executor.shutdownNow();
            executor.awaitTermination(2, TimeUnit.SECONDS);
            synchronized (allWorkers) {
                allWorkers.forEach(Worker::closeSession);
            }
            collector.interrupt();
            collector.join(2000);
            cut();
            stageEnd[currentPhase] = clock.nanoTime() - startNanos;
            if (gate != null) {
                synchronized (this) {
                    gate.proceed(plan.phases().get(currentPhase), stageData.get(currentPhase));
                }
            }
        }
        return report(startedAt);
    }

    private long maxVus() {
        return plan.phases().stream()
                .mapToLong(p -> (long) Math.ceil(Math.max(p.from(), p.to())))
                .max()
                .orElse(1);
    }

    private void mainLoop(ExecutorService executor, Deque<Worker> vus) throws InterruptedException {
        long limit = config.settings().iterations();
        while (stopReason == null) {
            long offset = clock.nanoTime() - startNanos;
            if (offset >= plan.endNanos()) {
                stop("completed");
                break;
            }
            int phase = plan.phaseAt(offset);
            if (phase != currentPhase) {
                if (!endStage(currentPhase, offset)) {
                    stop("stage_gate");
                    break;
                }
                currentPhase = phase;
                stageStart[phase] = offset;
            }
            if (config.settings().model() == LoadModel.CLOSED) {
                adjustVus(executor, vus, (int) Math.round(plan.levelAt(offset)));
                if (limit > 0 && iterationPermits.get() >= limit && runningVus.get() == 0) {
                    stop("iterations");
                }
            } else if (schedulerDone && inFlight.get() == 0) {
                stop(limit > 0 ? "iterations" : "completed");
            }
            Thread.sleep(TICK_NANOS / 1_000_000L);
        }
    }

    private boolean endStage(int phase, long offset) {
        cut();
        stageEnd[phase] = offset;
        if (gate == null) {
            return true;
        }
        synchronized (this) {
            return gate.proceed(plan.phases().get(phase), stageData.get(phase));
        }
    }

    // ---- closed model ----

    private void adjustVus(ExecutorService executor, Deque<Worker> vus, int desired) {
        while (vus.size() < desired) {
            Worker w = newWorker();
            vus.addLast(w);
            runningVus.incrementAndGet();
            executor.execute(() -> vuLoop(w));
        }
        while (vus.size() > desired) {
            Worker w = vus.pollLast();
            if (w != null) {
                w.active = false;
            }
        }
    }

    private Worker newWorker() {
        Worker w = new Worker(allWorkers.size(), hub.newWorker(), nextSeed());
        allWorkers.add(w);
        return w;
    }

    private SplittableRandom nextSeed() {
        synchronized (seeds) {
            return seeds.split();
        }
    }

    private void vuLoop(Worker w) {
        long limit = config.settings().iterations();
        try {
            while (w.active && !stopping && stopReason == null) {
                if (limit > 0 && iterationPermits.incrementAndGet() > limit) {
                    break;
                }
                boolean opened = runner.run(w, clock.nanoTime());
                if (!opened) {
                    long backoff = Math.min(100_000_000L << Math.min(w.consecutiveOpenFailures - 1, 5), 2_000_000_000L);
                    pause(w, backoff);
                } else {
                    pause(w, thinkNanos(w));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            w.closeSession();
            runningVus.decrementAndGet();
        }
    }

    private long thinkNanos(Worker w) {
        long mean = config.settings().thinkTime().mean().toNanos();
        if (mean <= 0) {
            return 0;
        }
        return config.settings().thinkTime().exponential()
                ? (long) (-Math.log(1 - w.random.nextDouble()) * mean)
                : mean;
    }

    private void pause(Worker w, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && w.active && !stopping && stopReason == null) {
            LockSupport.parkNanos(Math.min(left, 20_000_000L));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    // ---- open model ----

    private Thread startScheduler(ExecutorService executor) {
        int n = config.settings().maxWorkers();
        // LIFO: the most recently used worker (and its warm session) is reused first, so only as many sessions
        // are opened as the concurrency actually needs
        LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>(n);
        for (int i = 0; i < n; i++) {
            Worker w = new Worker(i, hub.newWorker(), nextSeed());
            allWorkers.add(w);
            idle.add(w);
        }
        OpenModelScheduler.Dispatcher dispatcher = (intended, deadline) -> {
            long wait = deadline - clock.nanoTime();
            Worker w = wait > 0 ? idle.pollFirst(wait, TimeUnit.NANOSECONDS) : idle.pollFirst();
            if (w == null) {
                return false;
            }
            inFlight.incrementAndGet();
            try {
                executor.execute(() -> {
                    try {
                        runner.run(w, intended);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        idle.offerFirst(w);
                        inFlight.decrementAndGet();
                    }
                });
            } catch (RuntimeException rejected) {
                idle.offerFirst(w);
                inFlight.decrementAndGet();
                return false;
            }
            return true;
        };
        OpenModelScheduler scheduler = new OpenModelScheduler(
                clock,
                new ArrivalSchedule(plan),
                dispatcher,
                hub,
                config.settings().maxQueueWait().toNanos(),
                config.settings().iterations());
        Thread t = Threads.platform("jmcp-loadtest-scheduler", () -> {
            try {
                scheduler.run(startNanos, () -> stopping || stopReason != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                schedulerDone = true;
            }
        });
        t.start();
        return t;
    }

    // ---- intervals ----

    private void collectLoop() {
        long interval = config.settings().interval().toNanos();
        long next = startNanos + interval;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                clock.sleepUntil(next);
                cut();
                next += interval;
                while (clock.nanoTime() - next > 0) {
                    next += interval;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void cut() {
        int phase = currentPhase;
        IntervalData d = hub.snapshot(() -> clock.nanoTime() - startNanos, phase);
        long offset = d.endNanos();
        boolean empty =
                d.requests() == 0 && d.scheduled() == 0 && d.sessionsOpened() == 0 && d.sessionOpenFailures() == 0;
        if (empty && d.seconds() < config.settings().interval().toNanos() / 2e9) {
            // nothing happened in a short remainder (the drain after the end): not a data point
            return;
        }
        if (config.settings().model() == LoadModel.OPEN) {
            d.offeredLoad(d.seconds() <= 0 ? 0 : d.scheduled() / d.seconds());
        } else {
            d.offeredLoad(runningVus.get());
        }
        intervals.add(d);
        total.add(d);
        stageData.get(phase).add(d);
        BreakingPoint bp = detector.observe(d);
        if (bp != null) {
            if (listener != null) {
                listener.onBreakingPoint(bp);
            }
            if (config.breakingPoint().stopOnDetection()) {
                stop("breaking_point");
            }
        }
        if (listener != null) {
            double planned = plan.endNanos() == Long.MAX_VALUE ? -1 : plan.endNanos() / 1e9;
            listener.onInterval(
                    Reports.point(d),
                    total,
                    offset / 1e9,
                    planned,
                    plan.phases().get(phase).name());
        }
    }

    // ---- report ----

    private synchronized LoadTestReport report(Instant startedAt) {
        double secs = total.seconds();
        LoadTestReport.Generator generator = new LoadTestReport.Generator(
                total.scheduled(),
                total.dropped(),
                total.scheduled() == 0 ? 0 : Reports.round6(total.dropped() / (double) total.scheduled()),
                orEmpty(Reports.latency(total.lag())),
                orEmpty(Reports.latency(total.service())),
                total.sessionsOpened(),
                total.sessionOpenFailures(),
                orEmpty(Reports.latency(total.handshake())),
                total.iterations());
        List<StageReport> stages = new ArrayList<>();
        boolean open = config.settings().model() == LoadModel.OPEN;
        for (LoadPlan.Phase p : plan.phases()) {
            int i = p.index();
            if (stageStart[i] < 0) {
                break;
            }
            double dur = Math.max(0, stageEnd[i] - stageStart[i]) / 1e9;
            IntervalData sd = stageData.get(i);
            stages.add(new StageReport(
                    i,
                    p.name(),
                    Reports.round(stageStart[i] / 1e9),
                    Reports.round(dur),
                    open ? null : (int) Math.round(p.to()),
                    open ? p.to() : null,
                    Reports.stats(sd, "op:", dur, sd.errorsByClass()),
                    sd.dropped()));
        }
        List<IntervalPoint> points = new ArrayList<>();
        for (IntervalData d : intervals) {
            points.add(Reports.point(d));
        }
        LoadTestReport report = new LoadTestReport(
                LoadTestReport.SCHEMA_VERSION,
                target.describe(),
                config.settings().model().name().toLowerCase(Locale.ROOT),
                open ? "rps" : "vus",
                config.settings().sessionMode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                startedAt.toString(),
                Reports.round(secs),
                stopReason == null ? "completed" : stopReason,
                Reports.stats(total, "op:", secs, total.errorsByClass()),
                generator,
                Reports.byKey(total, "op:", secs),
                Reports.byKey(total, "tool:", secs),
                stages,
                points,
                detector.found(),
                null,
                List.of());
        List<ThresholdResult> results = new ArrayList<>();
        for (String t : config.thresholds()) {
            results.add(Threshold.parse(t).evaluate(report));
        }
        return report.withThresholds(results);
    }

    private static LoadTestReport.Latency orEmpty(LoadTestReport.Latency l) {
        return l == null ? Reports.emptyLatency() : l;
    }
}
