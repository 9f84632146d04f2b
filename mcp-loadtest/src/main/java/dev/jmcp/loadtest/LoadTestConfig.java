package dev.jmcp.loadtest;

import dev.jmcp.loadtest.target.Operation;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.TargetSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A complete, validated load-test definition. Built by {@link ConfigLoader} from TOML or by
 * {@link LoadTest#builder()}.
 *
 * @param target where the server is; {@code null} when the command line supplies it
 * @param settings run-wide settings
 * @param scenarios the weighted scenario mix (at least one)
 * @param stages load stages; empty means one stage at the settings' load for the settings' duration
 * @param thresholds pass/fail expressions such as {@code p99<50ms}
 * @param breakingPoint breaking-point detection settings
 * @param ceiling {@code find-ceiling} settings
 * @param source where this came from (a file name), for messages
 * @param mcpScenarios the MCP-deep scenarios that run next to the load ({@link McpScenarioSettings#NONE} for none)
 */
public record LoadTestConfig(
        TargetSpec target,
        Settings settings,
        List<Scenario> scenarios,
        List<Stage> stages,
        List<String> thresholds,
        BreakingPointSettings breakingPoint,
        CeilingSettings ceiling,
        String source,
        McpScenarioSettings mcpScenarios) {

    /**
     * A definition without MCP-deep scenarios next to the load.
     *
     * @param target where the server is, or {@code null}
     * @param settings run-wide settings
     * @param scenarios the weighted scenario mix
     * @param stages load stages
     * @param thresholds pass/fail expressions
     * @param breakingPoint breaking-point detection settings
     * @param ceiling {@code find-ceiling} settings
     * @param source where this came from
     */
    public LoadTestConfig(
            TargetSpec target,
            Settings settings,
            List<Scenario> scenarios,
            List<Stage> stages,
            List<String> thresholds,
            BreakingPointSettings breakingPoint,
            CeilingSettings ceiling,
            String source) {
        this(target, settings, scenarios, stages, thresholds, breakingPoint, ceiling, source, McpScenarioSettings.NONE);
    }

    /**
     * Copies the lists.
     *
     * @param target see the record component
     * @param settings see the record component
     * @param scenarios see the record component
     * @param stages see the record component
     * @param thresholds see the record component
     * @param breakingPoint see the record component
     * @param ceiling see the record component
     * @param source see the record component
     * @param mcpScenarios see the record component ({@code null}: none)
     */
    public LoadTestConfig {
        scenarios = List.copyOf(scenarios);
        stages = List.copyOf(stages);
        thresholds = List.copyOf(thresholds);
        mcpScenarios = mcpScenarios == null ? McpScenarioSettings.NONE : mcpScenarios;
    }

    /**
     * A copy with other MCP-deep scenarios.
     *
     * @param newScenarios the scenarios next to the load
     * @return the copy
     */
    public LoadTestConfig withMcpScenarios(McpScenarioSettings newScenarios) {
        return new LoadTestConfig(
                target, settings, scenarios, stages, thresholds, breakingPoint, ceiling, source, newScenarios);
    }

    /**
     * A copy with another target.
     *
     * @param newTarget the new target
     * @return a copy with another target
     */
    public LoadTestConfig withTarget(TargetSpec newTarget) {
        return new LoadTestConfig(
                newTarget, settings, scenarios, stages, thresholds, breakingPoint, ceiling, source, mcpScenarios);
    }

    /**
     * A copy with other settings.
     *
     * @param newSettings the new settings
     * @return a copy with other settings
     */
    public LoadTestConfig withSettings(Settings newSettings) {
        return new LoadTestConfig(
                target, newSettings, scenarios, stages, thresholds, breakingPoint, ceiling, source, mcpScenarios);
    }

    /**
     * A copy with other scenarios.
     *
     * @param newScenarios the new scenarios
     * @return a copy with other scenarios
     */
    public LoadTestConfig withScenarios(List<Scenario> newScenarios) {
        return new LoadTestConfig(
                target, settings, newScenarios, stages, thresholds, breakingPoint, ceiling, source, mcpScenarios);
    }

    /**
     * A copy with other stages.
     *
     * @param newStages the new stages
     * @return a copy with other stages
     */
    public LoadTestConfig withStages(List<Stage> newStages) {
        return new LoadTestConfig(
                target, settings, scenarios, newStages, thresholds, breakingPoint, ceiling, source, mcpScenarios);
    }

    /**
     * A copy with other thresholds.
     *
     * @param newThresholds the new thresholds
     * @return a copy with other thresholds
     */
    public LoadTestConfig withThresholds(List<String> newThresholds) {
        return new LoadTestConfig(
                target, settings, scenarios, stages, newThresholds, breakingPoint, ceiling, source, mcpScenarios);
    }

    /**
     * A copy with other breaking-point settings.
     *
     * @param newBreakingPoint the new breaking-point settings
     * @return a copy with other breaking-point settings
     */
    public LoadTestConfig withBreakingPoint(BreakingPointSettings newBreakingPoint) {
        return new LoadTestConfig(
                target, settings, scenarios, stages, thresholds, newBreakingPoint, ceiling, source, mcpScenarios);
    }

    /**
     * A copy with other {@code find-ceiling} settings.
     *
     * @param newCeiling the new {@code find-ceiling} settings
     * @return a copy with other {@code find-ceiling} settings
     */
    public LoadTestConfig withCeiling(CeilingSettings newCeiling) {
        return new LoadTestConfig(
                target, settings, scenarios, stages, thresholds, breakingPoint, newCeiling, source, mcpScenarios);
    }

    /**
     * Run-wide settings.
     *
     * @param model open (arrival rate) or closed (virtual users)
     * @param virtualUsers closed model: the number of virtual users without stages
     * @param rate open model: arrivals (scenario iterations) per second without stages
     * @param duration how long to run without stages; {@code null} when only an iteration limit applies
     * @param iterations the maximum number of scenario iterations (0 = no limit)
     * @param timeout the timeout of each step
     * @param thinkTime closed model: the pause after each iteration
     * @param sessionMode how sessions are held
     * @param maxWorkers open model: the maximum number of concurrent iterations
     * @param maxQueueWait open model: how long an arrival may wait for a free worker before it is dropped
     * @param sessionPool open model with persistent or stateless sessions: how many sessions are opened before the
     *     measured phase and at most held during it (0 = {@code maxWorkers}); arrivals that find none free are dropped
     * @param interval the reporting interval (time-series resolution)
     * @param seed the random seed (scenario choice, think time)
     * @param overload open model: drop arrivals that wait longer than {@code maxQueueWait} (default), or queue them
     *     without bound (wrk2-style)
     * @param pacing closed model: each virtual user starts an iteration every {@code pacing} (a fixed iteration rate
     *     per user), so latency counts from that intended start; {@link Duration#ZERO} (default) means back to back
     *     with think time, measuring service time
     * @param requestsPerSession open model with persistent or stateless sessions: how many workers share one pooled
     *     session, i.e. how many requests may be in flight on one session at once (default 1); stdio included
     */
    public record Settings(
            LoadModel model,
            int virtualUsers,
            double rate,
            Duration duration,
            long iterations,
            Duration timeout,
            ThinkTime thinkTime,
            SessionMode sessionMode,
            int maxWorkers,
            Duration maxQueueWait,
            int sessionPool,
            Duration interval,
            long seed,
            Overload overload,
            Duration pacing,
            int requestsPerSession) {

        /**
         * Null-safe defaults for the later components.
         *
         * @param model open (arrival rate) or closed (virtual users)
         * @param virtualUsers closed model: the number of virtual users without stages
         * @param rate open model: arrivals (scenario iterations) per second without stages
         * @param duration how long to run without stages; {@code null} when only an iteration limit applies
         * @param iterations the maximum number of scenario iterations (0 = no limit)
         * @param timeout the timeout of each step
         * @param thinkTime closed model: the pause after each iteration
         * @param sessionMode how sessions are held
         * @param maxWorkers open model: the maximum number of concurrent iterations
         * @param maxQueueWait open model: how long an arrival may wait for a free worker before it is dropped
         * @param sessionPool open model with persistent or stateless sessions: how many sessions are opened before the
         *     measured phase and at most held during it (0 = {@code maxWorkers}); arrivals that find none free are
         *     dropped
         * @param interval the reporting interval (time-series resolution)
         * @param seed the random seed (scenario choice, think time)
         * @param overload open model: drop arrivals that wait longer than {@code maxQueueWait} (default), or queue them
         *     without bound (wrk2-style)
         * @param pacing closed model: each virtual user starts an iteration every {@code pacing} (a fixed iteration
         *     rate per user), so latency counts from that intended start; {@link Duration#ZERO} (default) means back to
         *     back with think time, measuring service time
         * @param requestsPerSession open model with persistent or stateless sessions: how many workers share one pooled
         *     session, i.e. how many requests may be in flight on one session at once (default 1); stdio included
         */
        public Settings {
            overload = overload == null ? Overload.DROP : overload;
            pacing = pacing == null ? Duration.ZERO : pacing;
            requestsPerSession = Math.max(1, requestsPerSession);
        }

        /**
         * Settings with one request in flight per session.
         *
         * @param model the model
         * @param virtualUsers the virtual users
         * @param rate the rate
         * @param duration the duration
         * @param iterations the iterations
         * @param timeout the timeout
         * @param thinkTime the think time
         * @param sessionMode the session mode
         * @param maxWorkers the max workers
         * @param maxQueueWait the max queue wait
         * @param sessionPool the session pool
         * @param interval the interval
         * @param seed the seed
         * @param overload the overload
         * @param pacing the pacing
         */
        public Settings(
                LoadModel model,
                int virtualUsers,
                double rate,
                Duration duration,
                long iterations,
                Duration timeout,
                ThinkTime thinkTime,
                SessionMode sessionMode,
                int maxWorkers,
                Duration maxQueueWait,
                int sessionPool,
                Duration interval,
                long seed,
                Overload overload,
                Duration pacing) {
            this(
                    model,
                    virtualUsers,
                    rate,
                    duration,
                    iterations,
                    timeout,
                    thinkTime,
                    sessionMode,
                    maxWorkers,
                    maxQueueWait,
                    sessionPool,
                    interval,
                    seed,
                    overload,
                    pacing,
                    1);
        }

        /**
         * Defaults: closed, 1 VU, 10 s, 30 s timeout, no think time, persistent sessions, 1 s interval.
         *
         * @return the defaults: closed, 1 VU, 10 s, 30 s timeout, no think time, persistent sessions, 1 s interval
         */
        public static Settings defaults() {
            return new Settings(
                    LoadModel.CLOSED,
                    1,
                    10,
                    Duration.ofSeconds(10),
                    0,
                    Duration.ofSeconds(30),
                    ThinkTime.NONE,
                    SessionMode.PERSISTENT,
                    256,
                    Duration.ofMillis(100),
                    0,
                    Duration.ofSeconds(1),
                    1,
                    Overload.DROP,
                    Duration.ZERO);
        }

        /**
         * Whether latency counts from an intended start (open model, or closed model with pacing).
         *
         * @return whether latency counts from an intended start (open model, or closed model with pacing)
         */
        public boolean fromIntendedStart() {
            return model == LoadModel.OPEN || !pacing.isZero();
        }

        /**
         * A copy with another model.
         *
         * @param v the new model
         * @return a copy with another model
         */
        public Settings withModel(LoadModel v) {
            return toBuilder().model(v).build();
        }

        /**
         * A copy with another number of virtual users.
         *
         * @param v the new number of virtual users
         * @return a copy with another number of virtual users
         */
        public Settings withVirtualUsers(int v) {
            return toBuilder().virtualUsers(v).build();
        }

        /**
         * A copy with another arrival rate.
         *
         * @param v the new arrival rate
         * @return a copy with another arrival rate
         */
        public Settings withRate(double v) {
            return toBuilder().rate(v).build();
        }

        /**
         * A copy with another duration.
         *
         * @param v the new duration
         * @return a copy with another duration
         */
        public Settings withDuration(Duration v) {
            return toBuilder().duration(v).build();
        }

        /**
         * A copy with another iteration limit.
         *
         * @param v the new iteration limit
         * @return a copy with another iteration limit
         */
        public Settings withIterations(long v) {
            return toBuilder().iterations(v).build();
        }

        /**
         * A copy with another step timeout.
         *
         * @param v the new step timeout
         * @return a copy with another step timeout
         */
        public Settings withTimeout(Duration v) {
            return toBuilder().timeout(v).build();
        }

        /**
         * A copy with another think time.
         *
         * @param v the new think time
         * @return a copy with another think time
         */
        public Settings withThinkTime(ThinkTime v) {
            return toBuilder().thinkTime(v).build();
        }

        /**
         * A copy with another session mode.
         *
         * @param v the new session mode
         * @return a copy with another session mode
         */
        public Settings withSessionMode(SessionMode v) {
            return toBuilder().sessionMode(v).build();
        }

        /**
         * A copy with another worker bound and queue wait.
         *
         * @param v the new bound on concurrent workers
         * @param queueWait the new longest wait for a free worker
         * @return a copy with another worker bound and queue wait
         */
        public Settings withWorkers(int v, Duration queueWait) {
            return toBuilder().maxWorkers(v).maxQueueWait(queueWait).build();
        }

        /**
         * A copy with another session pool size (0 = the maximum number of workers).
         *
         * @param v the new session pool size
         * @return a copy with another session pool size (0 = the maximum number of workers)
         */
        public Settings withSessionPool(int v) {
            return toBuilder().sessionPool(v).build();
        }

        /**
         * The effective session pool size of the open model: {@code sessionPool}, or {@code maxWorkers} if 0.
         *
         * @return the effective session pool size of the open model: {@code sessionPool}, or {@code maxWorkers} if 0
         */
        public int effectiveSessionPool() {
            return sessionPool > 0 ? Math.min(sessionPool, maxWorkers) : maxWorkers;
        }

        /**
         * A copy with another interval.
         *
         * @param v the new interval
         * @return a copy with another interval
         */
        public Settings withInterval(Duration v) {
            return toBuilder().interval(v).build();
        }

        /**
         * A copy with another seed.
         *
         * @param v the new seed
         * @return a copy with another seed
         */
        public Settings withSeed(long v) {
            return toBuilder().seed(v).build();
        }

        /**
         * A builder that starts from these settings.
         *
         * @return a builder that starts from these settings
         */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** Builds {@link Settings}; each setter sets the record component of the same name. */
        public static final class Builder {
            private LoadModel model;
            private int virtualUsers;
            private double rate;
            private Duration duration;
            private long iterations;
            private Duration timeout;
            private ThinkTime thinkTime;
            private SessionMode sessionMode;
            private int maxWorkers;
            private Duration maxQueueWait;
            private int sessionPool;
            private Duration interval;
            private long seed;
            private Overload overload;
            private Duration pacing;
            private int requestsPerSession;

            private Builder(Settings s) {
                this.model = s.model;
                this.virtualUsers = s.virtualUsers;
                this.rate = s.rate;
                this.duration = s.duration;
                this.iterations = s.iterations;
                this.timeout = s.timeout;
                this.thinkTime = s.thinkTime;
                this.sessionMode = s.sessionMode;
                this.maxWorkers = s.maxWorkers;
                this.maxQueueWait = s.maxQueueWait;
                this.sessionPool = s.sessionPool;
                this.interval = s.interval;
                this.seed = s.seed;
                this.overload = s.overload;
                this.pacing = s.pacing;
                this.requestsPerSession = s.requestsPerSession;
            }

            /**
             * Sets {@code requestsPerSession}.
             *
             * @param v {@code requestsPerSession}
             * @return this builder
             */
            public Builder requestsPerSession(int v) {
                this.requestsPerSession = v;
                return this;
            }

            /**
             * Sets {@code overload}.
             *
             * @param v {@code overload}
             * @return this builder
             */
            public Builder overload(Overload v) {
                this.overload = v;
                return this;
            }

            /**
             * Sets {@code pacing}.
             *
             * @param v {@code pacing}
             * @return this builder
             */
            public Builder pacing(Duration v) {
                this.pacing = v;
                return this;
            }

            /**
             * Sets {@code model}.
             *
             * @param v {@code model}
             * @return this builder
             */
            public Builder model(LoadModel v) {
                this.model = v;
                return this;
            }

            /**
             * Sets {@code virtualUsers}.
             *
             * @param v {@code virtualUsers}
             * @return this builder
             */
            public Builder virtualUsers(int v) {
                this.virtualUsers = v;
                return this;
            }

            /**
             * Sets {@code rate}.
             *
             * @param v {@code rate}
             * @return this builder
             */
            public Builder rate(double v) {
                this.rate = v;
                return this;
            }

            /**
             * Sets {@code duration}.
             *
             * @param v {@code duration}
             * @return this builder
             */
            public Builder duration(Duration v) {
                this.duration = v;
                return this;
            }

            /**
             * Sets {@code iterations}.
             *
             * @param v {@code iterations}
             * @return this builder
             */
            public Builder iterations(long v) {
                this.iterations = v;
                return this;
            }

            /**
             * Sets {@code timeout}.
             *
             * @param v {@code timeout}
             * @return this builder
             */
            public Builder timeout(Duration v) {
                this.timeout = v;
                return this;
            }

            /**
             * Sets {@code thinkTime}.
             *
             * @param v {@code thinkTime}
             * @return this builder
             */
            public Builder thinkTime(ThinkTime v) {
                this.thinkTime = v;
                return this;
            }

            /**
             * Sets {@code sessionMode}.
             *
             * @param v {@code sessionMode}
             * @return this builder
             */
            public Builder sessionMode(SessionMode v) {
                this.sessionMode = v;
                return this;
            }

            /**
             * Sets {@code maxWorkers}.
             *
             * @param v {@code maxWorkers}
             * @return this builder
             */
            public Builder maxWorkers(int v) {
                this.maxWorkers = v;
                return this;
            }

            /**
             * Sets {@code maxQueueWait}.
             *
             * @param v {@code maxQueueWait}
             * @return this builder
             */
            public Builder maxQueueWait(Duration v) {
                this.maxQueueWait = v;
                return this;
            }

            /**
             * Sets {@code sessionPool}.
             *
             * @param v {@code sessionPool}
             * @return this builder
             */
            public Builder sessionPool(int v) {
                this.sessionPool = v;
                return this;
            }

            /**
             * Sets {@code interval}.
             *
             * @param v {@code interval}
             * @return this builder
             */
            public Builder interval(Duration v) {
                this.interval = v;
                return this;
            }

            /**
             * Sets {@code seed}.
             *
             * @param v {@code seed}
             * @return this builder
             */
            public Builder seed(long v) {
                this.seed = v;
                return this;
            }

            /**
             * The settings.
             *
             * @return the settings
             */
            public Settings build() {
                return new Settings(
                        model,
                        virtualUsers,
                        rate,
                        duration,
                        iterations,
                        timeout,
                        thinkTime,
                        sessionMode,
                        maxWorkers,
                        maxQueueWait,
                        sessionPool,
                        interval,
                        seed,
                        overload,
                        pacing,
                        requestsPerSession);
            }
        }
    }

    /**
     * A pause between iterations of a virtual user.
     *
     * @param mean the (mean) pause
     * @param exponential whether pauses are exponentially distributed around the mean (a Poisson process) rather
     *     than fixed
     */
    public record ThinkTime(Duration mean, boolean exponential) {
        /** No pause. */
        public static final ThinkTime NONE = new ThinkTime(Duration.ZERO, false);
    }

    /**
     * A weighted scenario: one step, or a multi-step flow.
     *
     * @param name the name used in reports
     * @param weight the relative weight (&gt; 0)
     * @param steps the steps, run in order in one session
     */
    public record Scenario(String name, double weight, List<FlowStep> steps) {
        /**
         * Copies the list.
         *
         * @param name the name used in reports
         * @param weight the relative weight (&gt; 0)
         * @param steps the steps, run in order in one session
         */
        public Scenario {
            steps = List.copyOf(steps);
        }

        /**
         * A single-step scenario.
         *
         * @param name the name
         * @param weight the weight
         * @param step the step
         * @return a single-step scenario
         */
        public static Scenario of(String name, double weight, FlowStep step) {
            return new Scenario(name, weight, List.of(step));
        }
    }

    /**
     * One step of a scenario. The name and any string inside the arguments may contain {@code ${var}} placeholders
     * filled from values extracted by earlier steps of the same iteration.
     *
     * @param operation the request
     * @param name tool name, resource URI or prompt name (may contain placeholders); {@code null} for lists/ping
     * @param arguments the arguments object, or {@code null}
     * @param extract variables to set from this step's result: name to JSON pointer ({@code /structuredContent/id})
     * @param mode how a {@code tools/call} is made: plain, with a progress token, or as a task
     */
    public record FlowStep(
            Operation operation,
            String name,
            JsonNode arguments,
            Map<String, String> extract,
            dev.jmcp.loadtest.target.CallMode mode) {
        /**
         * A plain step.
         *
         * @param operation the request
         * @param name tool name, resource URI or prompt name, or {@code null}
         * @param arguments the arguments object, or {@code null}
         * @param extract variables to set from this step's result
         */
        public FlowStep(Operation operation, String name, JsonNode arguments, Map<String, String> extract) {
            this(operation, name, arguments, extract, dev.jmcp.loadtest.target.CallMode.PLAIN);
        }

        /**
         * Copies the map.
         *
         * @param operation see the record component
         * @param name see the record component
         * @param arguments see the record component
         * @param extract see the record component ({@code null}: none)
         * @param mode see the record component ({@code null}: plain)
         */
        public FlowStep {
            extract = extract == null ? Map.of() : Map.copyOf(extract);
            mode = mode == null ? dev.jmcp.loadtest.target.CallMode.PLAIN : mode;
        }

        /**
         * A step with no extraction.
         *
         * @param operation the operation
         * @param name the name
         * @param arguments the arguments
         * @return a step with no extraction
         */
        public static FlowStep of(Operation operation, String name, JsonNode arguments) {
            return new FlowStep(operation, name, arguments, Map.of());
        }
    }

    /**
     * A load stage. The load moves linearly from the previous stage's target (0 before the first stage) to this
     * stage's target over its duration when {@code ramp} is set, otherwise it jumps to the target at once.
     *
     * @param name the name used in reports
     * @param duration how long the stage lasts
     * @param targetVus closed model: virtual users at the end of the stage
     * @param targetRate open model: arrivals per second at the end of the stage
     * @param ramp whether to ramp linearly
     */
    public record Stage(String name, Duration duration, int targetVus, double targetRate, boolean ramp) {}

    /**
     * Breaking-point detection, evaluated on per-interval (windowed) data. A signal must hold on {@code
     * confirmIntervals} consecutive intervals (each on its own window) before it is reported.
     *
     * @param enabled whether detection runs
     * @param warmupIntervals how many of the first intervals with traffic are skipped (JIT warm-up, connection
     *     set-up) before the baseline
     * @param baselineIntervals how many intervals after the warm-up form the baseline (more if they hold fewer than
     *     {@code minSamples} requests)
     * @param windowIntervals how many recent intervals are compared with the baseline (more if they hold fewer than
     *     {@code minSamples} requests)
     * @param minSamples the fewest completed requests a baseline or window needs before latency and errors are judged
     * @param confirmIntervals how many consecutive intervals a signal must hold on
     * @param errorRateAbsolute error-rate spike: the window's error rate must exceed this ...
     * @param errorRateFactor ... and this multiple of the baseline's error rate
     * @param p99Factor latency degradation: the window's p99 exceeds this multiple of the baseline p99 ...
     * @param p99Floor ... and this absolute value (ignores noise on very fast servers)
     * @param dropRate drops: the fraction of arrivals the generator could not start within {@code max_queue_wait}
     *     above which the load is not sustained
     * @param plateauHorizon throughput plateau: how many recent intervals the regression of throughput on offered
     *     load covers
     * @param plateauLoadIncrease ... the offered load must have risen by at least this fraction of its mean over the
     *     horizon ...
     * @param plateauElasticity ... and throughput must follow it by less than this: the regression's slope times mean
     *     load over mean throughput (1 = throughput grows like the load, 0 = flat)
     * @param stopOnDetection whether the run stops when a breaking point is found
     */
    public record BreakingPointSettings(
            boolean enabled,
            int warmupIntervals,
            int baselineIntervals,
            int windowIntervals,
            int minSamples,
            int confirmIntervals,
            double errorRateAbsolute,
            double errorRateFactor,
            double p99Factor,
            Duration p99Floor,
            double dropRate,
            int plateauHorizon,
            double plateauLoadIncrease,
            double plateauElasticity,
            boolean stopOnDetection) {
        /**
         * Defaults: warm-up 2 intervals, baseline 3, window 3, at least 20 requests, 3 confirming intervals; error
         * spike &gt;10% and &gt;2x; p99 &gt;3x and &gt;1 ms; drops &gt;1%; plateau over 30 intervals with
         * elasticity &lt;0.5.
         *
         * @return the defaults: warm-up 2 intervals, baseline 3, window 3, at least 20 requests, 3 confirming
         *     intervals; error spike &gt;10% and &gt;2x; p99 &gt;3x and &gt;1 ms; drops &gt;1%; plateau over 30
         *     intervals with elasticity &lt;0.5
         */
        public static BreakingPointSettings defaults() {
            return new BreakingPointSettings(
                    true, 2, 3, 3, 20, 3, 0.10, 2.0, 3.0, Duration.ofMillis(1), 0.01, 30, 0.10, 0.5, false);
        }

        /**
         * A copy that is enabled or not.
         *
         * @param on whether on
         * @return a copy that is enabled or not
         */
        public BreakingPointSettings withEnabled(boolean on) {
            return new BreakingPointSettings(
                    on,
                    warmupIntervals,
                    baselineIntervals,
                    windowIntervals,
                    minSamples,
                    confirmIntervals,
                    errorRateAbsolute,
                    errorRateFactor,
                    p99Factor,
                    p99Floor,
                    dropRate,
                    plateauHorizon,
                    plateauLoadIncrease,
                    plateauElasticity,
                    stopOnDetection);
        }
    }

    /**
     * {@code find-ceiling}: a search for the highest open-model arrival rate that meets the SLO. Rates grow
     * geometrically from {@code startRate} (times {@code growthFactor}, at most {@code maxRate}) until a step breaks
     * the SLO, then the bracket between the last passing and the first failing rate is bisected until it is narrower
     * than {@code stepRate}. Each step is its own run of {@code stepDuration}, so every request counts in the step in
     * which it was intended (requests still in flight at a step's end are waited for). A noisy failing step (fewer
     * than half of its intervals broke the SLO on their own, or a higher rate already passed) is repeated up to
     * {@code repeats} times and the repeat decides.
     *
     * @param startRate the first rate (arrivals per second)
     * @param stepRate the search's resolution: bisection stops when the bracket is narrower than this
     * @param stepDuration how long each step lasts
     * @param maxRate the highest rate tried
     * @param sloP99 the SLO's p99 bound
     * @param sloErrorRate the SLO's error-rate bound (fraction)
     * @param sloDropRate the largest fraction of dropped arrivals still sustainable
     * @param growthFactor how much each step multiplies the rate by until the SLO first breaks (&gt; 1)
     * @param repeats how many times a noisy failing step is repeated
     */
    public record CeilingSettings(
            double startRate,
            double stepRate,
            Duration stepDuration,
            double maxRate,
            Duration sloP99,
            double sloErrorRate,
            double sloDropRate,
            double growthFactor,
            int repeats) {
        /**
         * Settings with growth factor 2 and one repeat of a noisy step.
         *
         * @param startRate the start rate
         * @param stepRate the step rate
         * @param stepDuration the step duration
         * @param maxRate the max rate
         * @param sloP99 the SLO p 99
         * @param sloErrorRate the SLO error rate
         * @param sloDropRate the SLO drop rate
         */
        public CeilingSettings(
                double startRate,
                double stepRate,
                Duration stepDuration,
                double maxRate,
                Duration sloP99,
                double sloErrorRate,
                double sloDropRate) {
            this(startRate, stepRate, stepDuration, maxRate, sloP99, sloErrorRate, sloDropRate, 2.0, 1);
        }

        /**
         * Defaults: from 10/s doubling up to 1000/s, bisecting to 10/s, 10 s steps; SLO p99 &lt; 500 ms, errors &lt;
         * 1%, drops &lt; 1%; a noisy step is repeated once.
         *
         * @return the defaults: from 10/s doubling up to 1000/s, bisecting to 10/s, 10 s steps; SLO p99 &lt; 500 ms,
         *     errors &lt; 1%, drops &lt; 1%; a noisy step is repeated once
         */
        public static CeilingSettings defaults() {
            return new CeilingSettings(10, 10, Duration.ofSeconds(10), 1000, Duration.ofMillis(500), 0.01, 0.01);
        }
    }
}
