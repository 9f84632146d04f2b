package dev.jmcp.loadtest;

import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.LoadTestConfig.Settings;
import dev.jmcp.loadtest.LoadTestConfig.Stage;
import dev.jmcp.loadtest.LoadTestConfig.ThinkTime;
import dev.jmcp.loadtest.internal.CeilingFinder;
import dev.jmcp.loadtest.internal.Clock;
import dev.jmcp.loadtest.internal.Engine;
import dev.jmcp.loadtest.internal.EngineOptions;
import dev.jmcp.loadtest.internal.LiveView;
import dev.jmcp.loadtest.internal.McpScenarioRun;
import dev.jmcp.loadtest.internal.Placeholders;
import dev.jmcp.loadtest.internal.PrometheusEndpoint;
import dev.jmcp.loadtest.internal.Threshold;
import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.Target;
import dev.jmcp.loadtest.target.TargetSpec;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A configured load test. Build one with {@link #builder()}, then {@link #run()} it (or {@link #findCeiling()});
 * {@link #stop()} from another thread ends it early and still yields a report.
 *
 * <pre>{@code
 * LoadTestReport report = LoadTest.builder()
 *         .target(myTarget)
 *         .openModel(200)                       // 200 iterations per second
 *         .duration(Duration.ofSeconds(30))
 *         .toolCall("echo", args, 1)
 *         .threshold("p99<50ms")
 *         .build()
 *         .run();
 * }</pre>
 */
public final class LoadTest {
    private final LoadTestConfig config;
    private final Target target;
    private final boolean ownsTarget;
    private final PrintStream live;
    private final Outputs outputs;
    private volatile Engine engine;
    private volatile boolean stopRequested;

    /** Where a run's extra outputs go and which segment it runs. */
    private record Outputs(Path histogramLog, Segment segment, InetSocketAddress prometheus) {}

    private LoadTest(LoadTestConfig config, Target target, boolean ownsTarget, PrintStream live, Outputs outputs) {
        this.outputs = outputs;
        this.config = config;
        this.target = target;
        this.ownsTarget = ownsTarget;
        this.live = live;
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The validated configuration.
     *
     * @return the validated configuration
     */
    public LoadTestConfig config() {
        return config;
    }

    /**
     * Runs the test and returns the report (thresholds evaluated; see {@link LoadTestReport#passed()}).
     *
     * @return the report, thresholds evaluated
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public LoadTestReport run() throws InterruptedException {
        return execute(config, true);
    }

    /**
     * Searches for the highest open-model arrival rate that meets the SLO (settings in
     * {@link LoadTestConfig#ceiling()}): geometric steps until the SLO breaks, then bisection; each step is its own
     * run. The report is that of the highest sustainable step (of the last step if none was), with the search's
     * {@code ceiling}.
     *
     * @return the report of the search
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public LoadTestReport findCeiling() throws InterruptedException {
        CeilingFinder finder = new CeilingFinder(config.ceiling());
        LoadTestConfig base = config.withBreakingPoint(config.breakingPoint().withEnabled(false));
        LoadTestReport best = null;
        LoadTestReport last = null;
        try {
            Double rate;
            while (!stopRequested && (rate = finder.next()) != null) {
                last = execute(CeilingFinder.step(base, rate), false);
                CeilingFinder.Verdict v = finder.judge(rate, last);
                finder.record(v);
                if (v.broken() == null && Objects.equals(finder.result().highestSustainableRate(), rate)) {
                    best = last;
                }
                if ("interrupted".equals(last.stopReason())) {
                    break;
                }
            }
            if (last == null) { // stopped before the first step: still a (short) report
                last = execute(CeilingFinder.step(base, config.ceiling().startRate()), false);
            }
        } finally {
            if (ownsTarget) {
                target.close();
            }
        }
        return (best != null ? best : last).withCeiling(finder.result());
    }

    private LoadTestReport execute(LoadTestConfig cfg, boolean closeTarget) throws InterruptedException {
        Engine.Listener listener = live == null ? null : new LiveView(live, System.console() != null);
        PrometheusEndpoint prometheus = null;
        try {
            if (outputs.prometheus() != null) {
                try {
                    prometheus = PrometheusEndpoint.start(outputs.prometheus());
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException(
                            "cannot serve metrics on port " + outputs.prometheus() + ": " + ex.getMessage(), ex);
                }
            }
            EngineOptions opts = new EngineOptions(
                    outputs.histogramLog(), outputs.segment(), prometheus == null ? List.of() : List.of(prometheus));
            McpScenarioRun deep = new McpScenarioRun(cfg, target, outputs.segment()); // MCP-deep scenarios (issue #20)
            Engine e = new Engine(cfg, deep.target(), Clock.SYSTEM, listener, null, opts);
            engine = e;
            if (stopRequested) {
                e.stop("interrupted");
            }
            try {
                deep.start();
                return deep.addTo(e.run());
            } finally {
                deep.close();
            }
        } finally {
            if (prometheus != null) {
                prometheus.close();
            }
            if (closeTarget && ownsTarget) {
                target.close();
            }
        }
    }

    /** Stops a running test early; {@link #run()} then returns the report of what ran. */
    public void stop() {
        stopRequested = true;
        Engine e = engine;
        if (e != null) {
            e.stop("interrupted");
        }
    }

    /** Builds a {@link LoadTest}. Starts from {@link Settings#defaults()} or from a loaded config. */
    public static final class Builder {
        private LoadTestConfig base;
        private Settings settings = Settings.defaults();
        private final List<Scenario> scenarios = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final List<String> thresholds = new ArrayList<>();
        private LoadTestConfig.BreakingPointSettings breakingPoint = LoadTestConfig.BreakingPointSettings.defaults();
        private LoadTestConfig.CeilingSettings ceiling = LoadTestConfig.CeilingSettings.defaults();
        private Target target;
        private TargetSpec targetSpec;
        private PrintStream live;
        private Path histogramLog;
        private Segment segment = Segment.WHOLE;
        private InetSocketAddress prometheus;
        private McpScenarioSettings mcpScenarios = McpScenarioSettings.NONE;

        private Builder() {}

        // ---- MCP-deep scenarios (issue #20) ----

        /**
         * The MCP-deep scenarios to run next to the load (subscription fan-out, idle streams, resumption, idle
         * expiry); they need an HTTP target given as a {@link TargetSpec}. Default: none.
         *
         * @param settings the scenarios
         * @return this builder
         */
        public Builder mcpScenarios(McpScenarioSettings settings) {
            this.mcpScenarios = settings == null ? McpScenarioSettings.NONE : settings;
            return this;
        }

        /**
         * Adds a scenario of one {@code tools/call} made as {@code mode} ({@link dev.jmcp.loadtest.target.CallMode}:
         * with a progress token, or as a task).
         *
         * @param tool the tool
         * @param arguments its arguments, or {@code null}
         * @param mode how the call is made
         * @param weight the scenario's weight
         * @return this builder
         */
        public Builder toolCall(
                String tool, JsonNode arguments, dev.jmcp.loadtest.target.CallMode mode, double weight) {
            return scenario(new Scenario(
                    "tools/call " + tool,
                    weight,
                    List.of(new FlowStep(Operation.TOOLS_CALL, tool, arguments, java.util.Map.of(), mode))));
        }

        // ---- end of MCP-deep scenarios ----

        /**
         * Streams the run's full latency distribution, interval by interval, to this HdrHistogram log
         * ({@code .hlog}); {@code compare} and {@code merge} read it. Default: none.
         *
         * @param file the file
         * @return this builder
         */
        public Builder histogramLog(Path file) {
            this.histogramLog = file;
            return this;
        }

        /**
         * Runs only this execution segment's share of the load (see {@link Segment}). Default: the whole run.
         *
         * @param segment the segment
         * @return this builder
         */
        public Builder segment(Segment segment) {
            this.segment = Objects.requireNonNull(segment, "segment");
            return this;
        }

        /**
         * Serves the interval metrics as Prometheus text on {@code http://ADDRESS/metrics} while the run lasts (port
         * 0: any free port). Default: off.
         *
         * @param address the address
         * @return this builder
         */
        public Builder prometheus(InetSocketAddress address) {
            this.prometheus = address;
            return this;
        }

        /**
         * Starts from a loaded configuration (its scenarios, stages and thresholds are kept; calls add to them).
         *
         * @param config the config
         * @return this builder
         */
        public Builder config(LoadTestConfig config) {
            this.base = config;
            this.settings = config.settings();
            this.scenarios.addAll(config.scenarios());
            this.stages.addAll(config.stages());
            this.thresholds.addAll(config.thresholds());
            this.breakingPoint = config.breakingPoint();
            this.ceiling = config.ceiling();
            this.mcpScenarios = config.mcpScenarios();
            if (config.target() != null && target == null) {
                this.targetSpec = config.target();
            }
            return this;
        }

        /**
         * The target to test (the caller keeps ownership and closes it).
         *
         * @param target the target to test (the caller keeps ownership and closes it)
         * @return this builder
         */
        public Builder target(Target target) {
            this.target = target;
            return this;
        }

        /**
         * The target to test, resolved by {@link Targets#create} (closed after the run).
         *
         * @param spec the target to test, resolved by {@link Targets#create} (closed after the run)
         * @return this builder
         */
        public Builder target(TargetSpec spec) {
            this.targetSpec = spec;
            return this;
        }

        /**
         * Closed model with this many virtual users.
         *
         * @param virtualUsers closed model with this many virtual users
         * @return this builder
         */
        public Builder closedModel(int virtualUsers) {
            settings = settings.withModel(LoadModel.CLOSED).withVirtualUsers(virtualUsers);
            return this;
        }

        /**
         * Open model at this many iterations per second.
         *
         * @param ratePerSecond open model at this many iterations per second
         * @return this builder
         */
        public Builder openModel(double ratePerSecond) {
            settings = settings.withModel(LoadModel.OPEN).withRate(ratePerSecond);
            return this;
        }

        /**
         * How long to run (without stages).
         *
         * @param duration how long to run (without stages)
         * @return this builder
         */
        public Builder duration(Duration duration) {
            settings = settings.withDuration(duration);
            return this;
        }

        /**
         * The maximum number of iterations (0 = unlimited).
         *
         * @param iterations the maximum number of iterations (0 = unlimited)
         * @return this builder
         */
        public Builder iterations(long iterations) {
            settings = settings.withIterations(iterations);
            return this;
        }

        /**
         * The per-step timeout.
         *
         * @param timeout the per-step timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            settings = settings.withTimeout(timeout);
            return this;
        }

        /**
         * Think time between a virtual user's iterations (fixed or exponentially distributed).
         *
         * @param thinkTime think time between a virtual user's iterations (fixed or exponentially distributed)
         * @return this builder
         */
        public Builder thinkTime(ThinkTime thinkTime) {
            settings = settings.withThinkTime(thinkTime);
            return this;
        }

        /**
         * The session mode.
         *
         * @param mode the session mode
         * @return this builder
         */
        public Builder sessionMode(SessionMode mode) {
            settings = settings.withSessionMode(mode);
            return this;
        }

        /**
         * Open model: concurrent iteration bound and how long an arrival may wait for a worker.
         *
         * @param maxWorkers the max workers
         * @param maxQueueWait the max queue wait
         * @return this builder
         */
        public Builder workers(int maxWorkers, Duration maxQueueWait) {
            settings = settings.withWorkers(maxWorkers, maxQueueWait);
            return this;
        }

        /**
         * Open model, persistent or stateless sessions: how many sessions to open before the measured phase (at
         * most {@code maxWorkers}); the run never holds more. 0 = {@code maxWorkers}.
         *
         * @param sessions open model, persistent or stateless sessions: how many sessions to open before the measured
         *     phase (at most {@code maxWorkers}); the run never holds more
         * @return this builder
         */
        public Builder sessionPool(int sessions) {
            settings = settings.withSessionPool(sessions);
            return this;
        }

        /**
         * Open model, persistent or stateless sessions: how many workers share one pooled session, i.e. requests in
         * flight per session (default 1). {@code max_workers} still bounds the requests in flight overall.
         *
         * @param requests open model, persistent or stateless sessions: how many workers share one pooled session, i.e.
         *     requests in flight per session (default 1)
         * @return this builder
         */
        public Builder requestsPerSession(int requests) {
            settings = settings.toBuilder().requestsPerSession(requests).build();
            return this;
        }

        /**
         * Open model: what to do with an arrival when no worker is free (drop, or queue wrk2-style).
         *
         * @param overload open model: what to do with an arrival when no worker is free (drop, or queue wrk2-style)
         * @return this builder
         */
        public Builder overload(Overload overload) {
            settings = settings.toBuilder().overload(overload).build();
            return this;
        }

        /**
         * Closed model: each virtual user starts an iteration every {@code pacing} (zero: back to back).
         *
         * @param pacing closed model: each virtual user starts an iteration every {@code pacing} (zero: back to back)
         * @return this builder
         */
        public Builder pacing(Duration pacing) {
            settings = settings.toBuilder().pacing(pacing).build();
            return this;
        }

        /**
         * The reporting interval.
         *
         * @param interval the reporting interval
         * @return this builder
         */
        public Builder interval(Duration interval) {
            settings = settings.withInterval(interval);
            return this;
        }

        /**
         * The random seed.
         *
         * @param seed the random seed
         * @return this builder
         */
        public Builder seed(long seed) {
            settings = settings.withSeed(seed);
            return this;
        }

        /**
         * Replaces all settings.
         *
         * @param settings all settings
         * @return this builder
         */
        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Adds a scenario.
         *
         * @param scenario the scenario
         * @return this builder
         */
        public Builder scenario(Scenario scenario) {
            scenarios.add(scenario);
            return this;
        }

        /**
         * Adds a single {@code tools/call} scenario.
         *
         * @param tool the tool
         * @param arguments the tool's arguments
         * @param weight the weight
         * @return this builder
         */
        public Builder toolCall(String tool, JsonNode arguments, double weight) {
            return scenario(
                    Scenario.of("tools/call " + tool, weight, FlowStep.of(Operation.TOOLS_CALL, tool, arguments)));
        }

        /**
         * Adds a stage.
         *
         * @param stage the stage
         * @return this builder
         */
        public Builder stage(Stage stage) {
            stages.add(stage);
            return this;
        }

        /**
         * Adds a threshold such as {@code p99<50ms}.
         *
         * @param expression the expression
         * @return this builder
         */
        public Builder threshold(String expression) {
            thresholds.add(expression);
            return this;
        }

        /**
         * Breaking-point detection settings.
         *
         * @param settings breaking-point detection settings
         * @return this builder
         */
        public Builder breakingPoint(LoadTestConfig.BreakingPointSettings settings) {
            this.breakingPoint = settings;
            return this;
        }

        /**
         * {@code find-ceiling} settings.
         *
         * @param settings {@code find-ceiling} settings
         * @return this builder
         */
        public Builder ceiling(LoadTestConfig.CeilingSettings settings) {
            this.ceiling = settings;
            return this;
        }

        /**
         * Prints a live view to this stream (ANSI redraw when a console is attached).
         *
         * @param out the out
         * @return this builder
         */
        public Builder liveView(PrintStream out) {
            this.live = out;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the load test
         */
        public LoadTest build() {
            String source = base == null ? "<builder>" : base.source();
            if (scenarios.isEmpty()) {
                throw new ConfigException(source, 0, "scenario", "at least one scenario is required");
            }
            for (int i = 0; i < scenarios.size(); i++) {
                validate(source, i, scenarios.get(i));
            }
            for (int i = 0; i < thresholds.size(); i++) {
                try {
                    Threshold.parse(thresholds.get(i));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source, 0, "thresholds[" + i + "]", e.getMessage());
                }
            }
            if (stages.isEmpty() && settings.duration() == null && settings.iterations() == 0) {
                throw new ConfigException(source, 0, "settings.duration", "a duration or an iteration limit is needed");
            }
            LoadTestConfig config = new LoadTestConfig(
                    targetSpec, settings, scenarios, stages, thresholds, breakingPoint, ceiling, source, mcpScenarios);
            Outputs outputs = new Outputs(histogramLog, segment, prometheus);
            if (target != null) {
                return new LoadTest(config, target, false, live, outputs);
            }
            Objects.requireNonNull(targetSpec, "a target or target spec is required");
            return new LoadTest(config, Targets.create(targetSpec), true, live, outputs);
        }

        private static void validate(String source, int index, Scenario s) {
            Set<String> defined = new HashSet<>();
            for (int j = 0; j < s.steps().size(); j++) {
                FlowStep step = s.steps().get(j);
                for (String var : Placeholders.referenced(step)) {
                    if (!defined.contains(var)) {
                        throw new ConfigException(
                                source,
                                0,
                                "scenario[" + index + "].step[" + j + "]",
                                "${" + var + "} is not extracted by an earlier step");
                    }
                }
                defined.addAll(step.extract().keySet());
            }
        }
    }
}
