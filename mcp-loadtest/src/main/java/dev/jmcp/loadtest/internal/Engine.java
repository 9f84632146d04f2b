package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadModel;
import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestReport;
import dev.jmcp.loadtest.LoadTestReport.BreakingPoint;
import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import dev.jmcp.loadtest.Overload;
import dev.jmcp.loadtest.target.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a load test: drives the open model ({@link OpenModelWorkers}) or the closed model ({@link VirtualUsers})
 * through the plan's stages, cuts the measurements into intervals (live view, breaking-point detection, per-stage
 * and run totals) and builds the report ({@link ReportAssembler}).
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

    /** A generator at or above this CPU fraction (of all its processors) is saturated. */
    static final double SATURATED_CPU = 0.9;

    /** Dispatch lag p99 above this with free workers means the generator is the bottleneck. */
    static final double SATURATED_LAG_MS = 10;

    private final LoadTestConfig config;
    private final Target target;
    private final Clock clock;
    private final Listener listener;
    private final StageGate gate;
    private final LoadPlan plan;
    private final MetricsHub hub;
    private final BreakingPointDetector detector;
    private final Measurements measurements;
    private final RunControl control = new RunControl();
    private final WorkerPool workers;
    private final VirtualUsers virtualUsers;
    private final OpenModelWorkers openModel;
    private final EngineOptions options;
    private final CpuMeter cpu = new CpuMeter();
    private HistogramLog histogramLog;
    private String histogramLogProblem;
    private long saturatedIntervals;
    private long cutOffIterations;
    private volatile int currentPhase;
    private long startNanos;
    private long loadEndNanos = Long.MAX_VALUE;

    /** Creates an engine; {@code listener} and {@code gate} may be {@code null}. */
    public Engine(LoadTestConfig config, Target target, Clock clock, Listener listener, StageGate gate) {
        this(config, target, clock, listener, gate, EngineOptions.NONE);
    }

    /**
     * Creates an engine with a histogram log, an execution segment or extra listeners; {@code listener} and
     * {@code gate} may be {@code null}. A segment takes its share of the iteration limit too.
     */
    public Engine(
            LoadTestConfig config,
            Target target,
            Clock clock,
            Listener listener,
            StageGate gate,
            EngineOptions options) {
        this.options = options;
        long limit = config.settings().iterations();
        if (limit > 0 && !options.segment().whole()) {
            config = config.withSettings(config.settings()
                    .withIterations(Math.max(1, options.segment().share(limit))));
        }
        this.config = config;
        this.target = target;
        this.clock = clock;
        this.listener = listener;
        this.gate = gate;
        this.plan = LoadPlan.of(config);
        this.hub = new MetricsHub(config.settings().timeout().toNanos());
        this.detector = new BreakingPointDetector(config.breakingPoint());
        this.measurements = new Measurements(plan);
        this.workers = new WorkerPool(hub, config.settings().seed());
        RunContext run = new RunContext(
                config.settings(), target, new IterationRunner(target, config, clock), clock, hub, control, workers);
        this.virtualUsers = new VirtualUsers(run);
        this.openModel = new OpenModelWorkers(run);
    }

    /** Asks the run to stop (Ctrl+C, abort); the report is still produced. */
    public void stop(String reason) {
        control.stop(reason);
    }

    /** Runs to completion (or {@link #stop}) and returns the report, thresholds evaluated. */
    public LoadTestReport run() throws InterruptedException {
        Instant startedAt = Instant.now();
        boolean open = config.settings().model() == LoadModel.OPEN;
        List<Worker> pool = open ? openModel.prepare() : List.of();
        startNanos = clock.nanoTime();
        openHistogramLog(startedAt);
        measurements.stageStarted(0, 0);
        int maxThreads = open ? config.settings().maxWorkers() : (int) Math.max(1, maxVus());
        // platform threads (no virtual threads): a thread that has just released its worker is still busy until its
        // task returns, so up to two per worker may exist for a moment; fewer would reject work as if none were free
        ExecutorService executor = Threads.workers("jmcp-loadtest-vu", 2 * maxThreads + 1);
        Thread collector = Threads.platform("jmcp-loadtest-collector", this::collectLoop);
        collector.start();
        Thread scheduler = null;
        if (open) {
            scheduler = openModel.start(executor, pool, new ArrivalSchedule(plan, options.segment()), startNanos);
        }
        try {
            mainLoop(executor);
        } finally {
            try {
                finish(executor, scheduler, collector);
            } finally {
                if (histogramLog != null) {
                    histogramLog.close();
                }
            }
        }
        return report(startedAt);
    }

    private void openHistogramLog(Instant startedAt) {
        if (options.histogramLog() == null) {
            return;
        }
        try {
            histogramLog = HistogramLog.create(
                    options.histogramLog(),
                    startedAt.toEpochMilli(),
                    "jmcp-loadtest " + target.describe() + " segment " + options.segment());
        } catch (java.io.IOException | RuntimeException e) {
            histogramLogProblem = "histogram log not written: " + e.getMessage();
        }
    }

    /**
     * Ends the run deterministically: no new work, in-flight iterations get a grace period, workers are interrupted,
     * then the measurements are sealed (iterations still running are counted as cut off and can record nothing
     * more) before the final interval is cut, so every figure of the report comes from the same set of samples.
     */
    private void finish(ExecutorService executor, Thread scheduler, Thread collector) throws InterruptedException {
        control.shutDown();
        // the load ends here: requests completing in the drain below still count, but rates are per load time
        loadEndNanos = clock.nanoTime() - startNanos;
        if (scheduler != null) {
            scheduler.interrupt();
            scheduler.join(10_000); // it only waits interruptibly
        }
        virtualUsers.retireAll();
        long graceNanos = Math.min(config.settings().timeout().toNanos() + 1_000_000_000L, 5_000_000_000L);
        long deadline = System.nanoTime() + graceNanos;
        while ((openModel.inFlight() > 0 || virtualUsers.running() > 0) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(5_000_000L);
        }
        executor.shutdownNow();
        executor.awaitTermination(1, TimeUnit.SECONDS);
        collector.interrupt();
        collector.join(10_000);
        cutOffIterations = hub.seal();
        cut();
        measurements.stageEnded(currentPhase, loadEndNanos);
        if (gate != null) {
            synchronized (this) {
                gate.proceed(plan.phases().get(currentPhase), measurements.stage(currentPhase));
            }
        }
        workers.closeAllSessions();
    }

    private long maxVus() {
        return plan.phases().stream()
                .mapToLong(p -> (long) Math.ceil(Math.max(p.from(), p.to())))
                .max()
                .orElse(1);
    }

    private void mainLoop(ExecutorService executor) throws InterruptedException {
        long limit = config.settings().iterations();
        while (!control.stopRequested()) {
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
                measurements.stageStarted(phase, offset);
            }
            if (config.settings().model() == LoadModel.CLOSED) {
                virtualUsers.adjust(executor, (int) options.segment().share(Math.round(plan.levelAt(offset))));
                if (virtualUsers.iterationsDone()) {
                    stop("iterations");
                }
            } else if (openModel.done()) {
                stop(limit > 0 ? "iterations" : "completed");
            }
            Thread.sleep(TICK_NANOS / 1_000_000L);
        }
    }

    private boolean endStage(int phase, long offset) {
        cut();
        measurements.stageEnded(phase, offset);
        if (gate == null) {
            return true;
        }
        synchronized (this) {
            return gate.proceed(plan.phases().get(phase), measurements.stage(phase));
        }
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
        // an interval never extends past the end of the load: the drain grace is no measured time
        IntervalData d = hub.snapshot(() -> Math.min(clock.nanoTime() - startNanos, loadEndNanos), phase);
        long offset = d.endNanos();
        boolean empty =
                d.requests() == 0 && d.scheduled() == 0 && d.sessionsOpened() == 0 && d.sessionOpenFailures() == 0;
        if (empty && d.seconds() < config.settings().interval().toNanos() / 2e9) {
            // nothing happened in a short remainder (the drain after the end): not a data point
            return;
        }
        if (config.settings().model() == LoadModel.OPEN && config.settings().overload() == Overload.QUEUE) {
            // queued arrivals are recorded when they start, late: the offered load is the plan's rate
            d.offeredLoad(plan.levelAt((d.startNanos() + d.endNanos()) / 2));
        } else if (config.settings().model() == LoadModel.OPEN) {
            d.offeredLoad(d.seconds() <= 0 ? 0 : d.scheduled() / d.seconds());
        } else {
            d.offeredLoad(virtualUsers.running());
        }
        double cpuFraction = cpu.sinceLast();
        d.generatorCpu(cpuFraction);
        IntervalPoint point = Reports.point(d);
        measurements.add(d, point, phase);
        if (histogramLog != null) {
            histogramLog.write(d);
        }
        boolean open = config.settings().model() == LoadModel.OPEN;
        boolean workersFree = !open || openModel.inFlight() < config.settings().maxWorkers();
        if (cpuFraction >= SATURATED_CPU || (point.lagP99Ms() > SATURATED_LAG_MS && workersFree && d.dropped() == 0)) {
            saturatedIntervals++;
        }
        BreakingPoint bp = detector.observe(d);
        if (bp != null) {
            if (listener != null) {
                listener.onBreakingPoint(bp);
            }
            options.listeners().forEach(l -> l.onBreakingPoint(bp));
            if (config.breakingPoint().stopOnDetection()) {
                stop("breaking_point");
            }
        }
        double planned = plan.endNanos() == Long.MAX_VALUE ? -1 : plan.endNanos() / 1e9;
        if (listener != null) {
            listener.onInterval(
                    point,
                    measurements.total(),
                    offset / 1e9,
                    planned,
                    plan.phases().get(phase).name());
        }
        for (Listener l : options.listeners()) {
            l.onInterval(
                    point,
                    measurements.total(),
                    offset / 1e9,
                    planned,
                    plan.phases().get(phase).name());
        }
    }

    // ---- report ----

    private synchronized LoadTestReport report(Instant startedAt) {
        List<String> warnings = new ArrayList<>();
        double cpuRun = cpu.sinceStart();
        if (saturatedIntervals > 0) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "generator saturated in %d of %d intervals (its CPU >= %.0f%% of %d processors, or dispatch lag"
                            + " p99 > %.0f ms with free workers): the figures measure the load generator as much as"
                            + " the server; run it on another machine, lower the rate or use --segment",
                    saturatedIntervals,
                    measurements.intervals().size(),
                    SATURATED_CPU * 100,
                    cpu.processors(),
                    SATURATED_LAG_MS));
        }
        if (histogramLogProblem != null) {
            warnings.add(histogramLogProblem);
        }
        ReportAssembler.Extras extras = new ReportAssembler.Extras(
                hub.errorSamples().snapshot(),
                target.serverInfo(),
                options.histogramLog() == null || histogramLogProblem != null
                        ? null
                        : options.histogramLog().getFileName().toString(),
                options.segment().whole() ? null : options.segment().toString(),
                warnings,
                cpuRun < 0 ? null : Reports.round(cpuRun * 100),
                cpu.processors(),
                saturatedIntervals);
        return new ReportAssembler(config, plan, measurements)
                .assemble(target.describe(), startedAt, control.reason(), cutOffIterations, detector.found(), extras);
    }
}
