package dev.jmcp.loadtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The result of a run; serialised as the JSON report (schema: {@code dev/jmcp/loadtest/report.schema.json}).
 * All latencies are milliseconds with microsecond resolution; "latency" counts from the intended start of a
 * request (in the open model: its scheduled time), "service time" from the moment it was actually sent.
 *
 * @param schemaVersion the report schema version
 * @param target the server under test
 * @param model {@code open} or {@code closed}
 * @param offeredLoadUnit {@code rps} (open model: scheduled arrivals per second) or {@code vus}
 * @param sessionMode the session mode
 * @param startedAt ISO-8601 start time
 * @param durationSeconds how long the run lasted
 * @param stopReason why the run ended ({@code completed}, {@code iterations}, {@code interrupted}, ...)
 * @param summary totals over the whole run
 * @param generator the load generator's own accounting: drops, lag, sessions
 * @param operations per JSON-RPC method
 * @param tools per tool (tools/call only)
 * @param stages per stage
 * @param intervals the per-interval time series
 * @param breakingPoint the first breaking point found, or {@code null}
 * @param ceiling the {@code find-ceiling} result, or {@code null}
 * @param thresholds threshold results (empty without thresholds)
 * @param latencyBasis {@value #FROM_INTENDED_START} or {@value #SERVICE_TIME}: what the latency figures measure
 * @param resources per resource URI as configured (resources/read; {@code ${var}} not substituted), or {@code null}
 * @param prompts per prompt (prompts/get), or {@code null}
 * @param errorSamples the first few distinct error messages per error class, or {@code null}
 * @param configuration the run's configuration echoed (settings, stages, scenarios, thresholds; header values
 *     redacted), or {@code null}
 * @param server what the server said about itself: {@code name}, {@code version}, {@code protocolVersion}
 *     (negotiated), or {@code null}
 * @param histogramLog the file name of the run's HdrHistogram log (next to the JSON report), or {@code null}
 * @param segment the execution segment {@code i/n} this process ran, or {@code null} for a whole run
 * @param warnings conditions that make the figures less trustworthy ("generator saturated", ...), or {@code null}
 * @param mcpScenarios the MCP-deep scenarios' own figures (time to first progress, tasks, subscription fan-out,
 *     idle streams, resumption, idle expiry), or {@code null} when none ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadTestReport(
        String schemaVersion,
        String target,
        String model,
        String offeredLoadUnit,
        String sessionMode,
        String startedAt,
        double durationSeconds,
        String stopReason,
        Stats summary,
        Generator generator,
        Map<String, Stats> operations,
        Map<String, Stats> tools,
        List<StageReport> stages,
        List<IntervalPoint> intervals,
        BreakingPoint breakingPoint,
        Ceiling ceiling,
        List<ThresholdResult> thresholds,
        String latencyBasis,
        Map<String, Stats> resources,
        Map<String, Stats> prompts,
        Map<String, List<String>> errorSamples,
        Map<String, Object> configuration,
        Map<String, String> server,
        String histogramLog,
        String segment,
        List<String> warnings,
        McpScenarios mcpScenarios) {

    /**
     * A report with the schema 1.0 fields only (the later ones {@code null}).
     *
     * @param schemaVersion the report schema version
     * @param target the server under test
     * @param model {@code open} or {@code closed}
     * @param offeredLoadUnit {@code rps} or {@code vus}
     * @param sessionMode the session mode
     * @param startedAt ISO-8601 start time
     * @param durationSeconds how long the run lasted
     * @param stopReason why the run ended
     * @param summary totals over the whole run
     * @param generator the load generator's own accounting
     * @param operations per JSON-RPC method
     * @param tools per tool
     * @param stages per stage
     * @param intervals the per-interval time series
     * @param breakingPoint the first breaking point found, or {@code null}
     * @param ceiling the {@code find-ceiling} result, or {@code null}
     * @param thresholds threshold results
     * @param latencyBasis what the latency figures measure
     */
    public LoadTestReport(
            String schemaVersion,
            String target,
            String model,
            String offeredLoadUnit,
            String sessionMode,
            String startedAt,
            double durationSeconds,
            String stopReason,
            Stats summary,
            Generator generator,
            Map<String, Stats> operations,
            Map<String, Stats> tools,
            List<StageReport> stages,
            List<IntervalPoint> intervals,
            BreakingPoint breakingPoint,
            Ceiling ceiling,
            List<ThresholdResult> thresholds,
            String latencyBasis) {
        this(
                schemaVersion,
                target,
                model,
                offeredLoadUnit,
                sessionMode,
                startedAt,
                durationSeconds,
                stopReason,
                summary,
                generator,
                operations,
                tools,
                stages,
                intervals,
                breakingPoint,
                ceiling,
                thresholds,
                latencyBasis,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Latency counts from each request's intended start (open model, or closed model with pacing). */
    public static final String FROM_INTENDED_START = "intended_start";

    /** Latency is service time: the closed model without pacing has no intended start. */
    public static final String SERVICE_TIME = "service_time";

    /**
     * The schema version this code writes. Minor versions only add optional fields, and readers (this code's
     * {@code compare} and {@code merge} included) ignore fields they do not know, so a 1.x reader reads any 1.y.
     */
    public static final String SCHEMA_VERSION = "1.3";

    /**
     * Whether every threshold passed (true without thresholds).
     *
     * @return true when no threshold failed
     */
    public boolean passed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /**
     * A new, empty builder (schema version {@link #SCHEMA_VERSION}, no thresholds).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every field of this report: change what differs, then {@link Builder#build()}.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy with threshold results.
     *
     * @param results the results
     * @return the copy
     */
    public LoadTestReport withThresholds(List<ThresholdResult> results) {
        return toBuilder().thresholds(List.copyOf(results)).build();
    }

    /**
     * A copy with a ceiling result.
     *
     * @param result the {@code find-ceiling} result
     * @return the copy
     */
    public LoadTestReport withCeiling(Ceiling result) {
        return toBuilder().ceiling(result).build();
    }

    /**
     * A copy naming its histogram log file.
     *
     * @param fileName the file name (next to the JSON report)
     * @return the copy
     */
    public LoadTestReport withHistogramLog(String fileName) {
        return toBuilder().histogramLog(fileName).build();
    }

    /**
     * A copy with the MCP-deep scenarios' figures.
     *
     * @param scenarios the figures, or {@code null}
     * @return the copy
     */
    public LoadTestReport withMcpScenarios(McpScenarios scenarios) {
        return toBuilder().mcpScenarios(scenarios).build();
    }

    /**
     * Builds a {@link LoadTestReport}; the one place that lists every field, so adding a section is a component,
     * a field and a setter here. Setters are named as the report's fields (see the record's components).
     */
    public static final class Builder {
        private String schemaVersion = SCHEMA_VERSION;
        private String target;
        private String model;
        private String offeredLoadUnit;
        private String sessionMode;
        private String startedAt;
        private double durationSeconds;
        private String stopReason;
        private Stats summary;
        private Generator generator;
        private Map<String, Stats> operations;
        private Map<String, Stats> tools;
        private List<StageReport> stages;
        private List<IntervalPoint> intervals;
        private BreakingPoint breakingPoint;
        private Ceiling ceiling;
        private List<ThresholdResult> thresholds = List.of();
        private String latencyBasis;
        private Map<String, Stats> resources;
        private Map<String, Stats> prompts;
        private Map<String, List<String>> errorSamples;
        private Map<String, Object> configuration;
        private Map<String, String> server;
        private String histogramLog;
        private String segment;
        private List<String> warnings;
        private McpScenarios mcpScenarios;

        private Builder() {}

        private Builder(LoadTestReport r) {
            schemaVersion = r.schemaVersion;
            target = r.target;
            model = r.model;
            offeredLoadUnit = r.offeredLoadUnit;
            sessionMode = r.sessionMode;
            startedAt = r.startedAt;
            durationSeconds = r.durationSeconds;
            stopReason = r.stopReason;
            summary = r.summary;
            generator = r.generator;
            operations = r.operations;
            tools = r.tools;
            stages = r.stages;
            intervals = r.intervals;
            breakingPoint = r.breakingPoint;
            ceiling = r.ceiling;
            thresholds = r.thresholds;
            latencyBasis = r.latencyBasis;
            resources = r.resources;
            prompts = r.prompts;
            errorSamples = r.errorSamples;
            configuration = r.configuration;
            server = r.server;
            histogramLog = r.histogramLog;
            segment = r.segment;
            warnings = r.warnings;
            mcpScenarios = r.mcpScenarios;
        }

        /**
         * The report.
         *
         * @return a new report with this builder's fields
         */
        public LoadTestReport build() {
            return new LoadTestReport(
                    schemaVersion,
                    target,
                    model,
                    offeredLoadUnit,
                    sessionMode,
                    startedAt,
                    durationSeconds,
                    stopReason,
                    summary,
                    generator,
                    operations,
                    tools,
                    stages,
                    intervals,
                    breakingPoint,
                    ceiling,
                    thresholds,
                    latencyBasis,
                    resources,
                    prompts,
                    errorSamples,
                    configuration,
                    server,
                    histogramLog,
                    segment,
                    warnings,
                    mcpScenarios);
        }

        /**
         * Sets {@code schemaVersion}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder schemaVersion(String v) {
            this.schemaVersion = v;
            return this;
        }

        /**
         * Sets {@code target}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder target(String v) {
            this.target = v;
            return this;
        }

        /**
         * Sets {@code model}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder model(String v) {
            this.model = v;
            return this;
        }

        /**
         * Sets {@code offeredLoadUnit}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder offeredLoadUnit(String v) {
            this.offeredLoadUnit = v;
            return this;
        }

        /**
         * Sets {@code sessionMode}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder sessionMode(String v) {
            this.sessionMode = v;
            return this;
        }

        /**
         * Sets {@code startedAt}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder startedAt(String v) {
            this.startedAt = v;
            return this;
        }

        /**
         * Sets {@code durationSeconds}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder durationSeconds(double v) {
            this.durationSeconds = v;
            return this;
        }

        /**
         * Sets {@code stopReason}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder stopReason(String v) {
            this.stopReason = v;
            return this;
        }

        /**
         * Sets {@code summary}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder summary(Stats v) {
            this.summary = v;
            return this;
        }

        /**
         * Sets {@code generator}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder generator(Generator v) {
            this.generator = v;
            return this;
        }

        /**
         * Sets {@code operations}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder operations(Map<String, Stats> v) {
            this.operations = v;
            return this;
        }

        /**
         * Sets {@code tools}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder tools(Map<String, Stats> v) {
            this.tools = v;
            return this;
        }

        /**
         * Sets {@code stages}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder stages(List<StageReport> v) {
            this.stages = v;
            return this;
        }

        /**
         * Sets {@code intervals}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder intervals(List<IntervalPoint> v) {
            this.intervals = v;
            return this;
        }

        /**
         * Sets {@code breakingPoint}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder breakingPoint(BreakingPoint v) {
            this.breakingPoint = v;
            return this;
        }

        /**
         * Sets {@code ceiling}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder ceiling(Ceiling v) {
            this.ceiling = v;
            return this;
        }

        /**
         * Sets {@code thresholds}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder thresholds(List<ThresholdResult> v) {
            this.thresholds = v;
            return this;
        }

        /**
         * Sets {@code latencyBasis}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder latencyBasis(String v) {
            this.latencyBasis = v;
            return this;
        }

        /**
         * Sets {@code resources}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder resources(Map<String, Stats> v) {
            this.resources = v;
            return this;
        }

        /**
         * Sets {@code prompts}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder prompts(Map<String, Stats> v) {
            this.prompts = v;
            return this;
        }

        /**
         * Sets {@code errorSamples}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder errorSamples(Map<String, List<String>> v) {
            this.errorSamples = v;
            return this;
        }

        /**
         * Sets {@code configuration}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder configuration(Map<String, Object> v) {
            this.configuration = v;
            return this;
        }

        /**
         * Sets {@code server}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder server(Map<String, String> v) {
            this.server = v;
            return this;
        }

        /**
         * Sets {@code histogramLog}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder histogramLog(String v) {
            this.histogramLog = v;
            return this;
        }

        /**
         * Sets {@code segment}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder segment(String v) {
            this.segment = v;
            return this;
        }

        /**
         * Sets {@code warnings}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder warnings(List<String> v) {
            this.warnings = v;
            return this;
        }

        /**
         * Sets {@code mcpScenarios}.
         *
         * @param v the value (see the record component of that name)
         * @return this builder
         */
        public Builder mcpScenarios(McpScenarios v) {
            this.mcpScenarios = v;
            return this;
        }
    }

    /**
     * Request counts and latency of a set of requests. Synthetic samples do not exist: every count is a real
     * request.
     *
     * @param requests completed requests (successes + errors)
     * @param successes successful requests
     * @param errors failed requests
     * @param errorRate errors / requests (0 without requests)
     * @param throughputRps completed requests per second
     * @param latency latency of successful requests
     * @param errorLatency latency of failed requests, or {@code null} without errors
     * @param errorsByClass failures by class ({@code jsonrpc:-32603}, {@code timeout}, ...)
     * @param effectiveLatency run-wide and per stage: every request (successes and errors) and every dropped
     *     arrival, counted as at least the step timeout; {@code null} per operation and tool
     * @param droppedArrivals run-wide and per stage: arrivals dropped (open model); {@code null} per key
     * @param dropRate dropped / scheduled arrivals; {@code null} per key
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stats(
            long requests,
            long successes,
            long errors,
            double errorRate,
            double throughputRps,
            Latency latency,
            Latency errorLatency,
            Map<String, Long> errorsByClass,
            Latency effectiveLatency,
            Long droppedArrivals,
            Double dropRate) {}

    /** A latency distribution summary in milliseconds. */
    public record Latency(
            long count,
            double minMs,
            double meanMs,
            double p50Ms,
            double p90Ms,
            double p95Ms,
            double p99Ms,
            double p999Ms,
            double maxMs) {}

    /**
     * The generator's own accounting.
     *
     * @param scheduledArrivals open model: arrivals scheduled (started + dropped)
     * @param droppedArrivals open model: arrivals dropped because no worker was free within the bound
     * @param dropRate dropped / scheduled
     * @param lag open model: how late arrivals were dispatched relative to their schedule
     * @param serviceTime latency from the actual send (not corrected for queueing in the generator)
     * @param sessionsOpened sessions opened
     * @param sessionOpenFailures sessions that failed to open
     * @param handshake session-open latency
     * @param iterations scenario iterations started
     * @param cutOffIterations iterations still running when the run ended (workers that did not stop within the
     *     grace period): what they recorded before stays, their request in flight and later steps are not counted
     * @param cpuPercent the generator process's CPU use over the run, percent of all its processors (an in-process
     *     target's work included), or {@code null} where the JVM cannot tell
     * @param processors the processors available to the generator, or {@code null}
     * @param saturatedIntervals intervals in which the generator itself was the bottleneck (CPU at 90% or more, or
     *     dispatch lag p99 above 10 ms while workers were free), or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Generator(
            long scheduledArrivals,
            long droppedArrivals,
            double dropRate,
            Latency lag,
            Latency serviceTime,
            long sessionsOpened,
            long sessionOpenFailures,
            Latency handshake,
            long iterations,
            long cutOffIterations,
            Double cpuPercent,
            Integer processors,
            Long saturatedIntervals) {
        /**
         * The schema 1.0 fields only.
         *
         * @param scheduledArrivals the scheduled arrivals
         * @param droppedArrivals the dropped arrivals
         * @param dropRate the drop rate
         * @param lag the lag
         * @param serviceTime the service time
         * @param sessionsOpened the sessions opened
         * @param sessionOpenFailures the session open failures
         * @param handshake the handshake
         * @param iterations the iterations
         * @param cutOffIterations the cut off iterations
         */
        public Generator(
                long scheduledArrivals,
                long droppedArrivals,
                double dropRate,
                Latency lag,
                Latency serviceTime,
                long sessionsOpened,
                long sessionOpenFailures,
                Latency handshake,
                long iterations,
                long cutOffIterations) {
            this(
                    scheduledArrivals,
                    droppedArrivals,
                    dropRate,
                    lag,
                    serviceTime,
                    sessionsOpened,
                    sessionOpenFailures,
                    handshake,
                    iterations,
                    cutOffIterations,
                    null,
                    null,
                    null);
        }
    }

    /** One stage's results; requests are attributed to the stage in which they completed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageReport(
            int index,
            String name,
            double startSeconds,
            double durationSeconds,
            Integer targetVus,
            Double targetRate,
            Stats stats,
            long droppedArrivals) {}

    /**
     * One interval of the time series.
     *
     * @param startSeconds interval start, seconds since the run started
     * @param durationSeconds interval length
     * @param stage the stage index
     * @param offeredLoad scheduled arrivals per second (open) or active virtual users (closed)
     * @param requests completed requests
     * @param errors failed requests
     * @param throughputRps completed requests per second
     * @param errorRate errors / requests
     * @param latency latency of successful requests, or {@code null} without any
     * @param droppedArrivals dropped arrivals
     * @param lagP99Ms the generator's dispatch lag p99
     * @param errorsByClass failures by class
     * @param effectiveLatency every request and dropped arrival (drops count as at least the timeout), or
     *     {@code null} in an interval without drops (then it equals the requests' latency)
     * @param generatorCpuPercent the generator process's CPU use in the interval (percent of all processors), or
     *     {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntervalPoint(
            double startSeconds,
            double durationSeconds,
            int stage,
            double offeredLoad,
            long requests,
            long errors,
            double throughputRps,
            double errorRate,
            Latency latency,
            long droppedArrivals,
            double lagP99Ms,
            Map<String, Long> errorsByClass,
            Latency effectiveLatency,
            Double generatorCpuPercent) {
        /**
         * The schema 1.0 fields only.
         *
         * @param startSeconds the start seconds
         * @param durationSeconds the duration seconds
         * @param stage the stage
         * @param offeredLoad the offered load
         * @param requests the requests
         * @param errors the errors
         * @param throughputRps the throughput RPS
         * @param errorRate the error rate
         * @param latency the latency
         * @param droppedArrivals the dropped arrivals
         * @param lagP99Ms the lag p 99 ms
         * @param errorsByClass the errors by class
         * @param effectiveLatency the effective latency
         */
        public IntervalPoint(
                double startSeconds,
                double durationSeconds,
                int stage,
                double offeredLoad,
                long requests,
                long errors,
                double throughputRps,
                double errorRate,
                Latency latency,
                long droppedArrivals,
                double lagP99Ms,
                Map<String, Long> errorsByClass,
                Latency effectiveLatency) {
            this(
                    startSeconds,
                    durationSeconds,
                    stage,
                    offeredLoad,
                    requests,
                    errors,
                    throughputRps,
                    errorRate,
                    latency,
                    droppedArrivals,
                    lagP99Ms,
                    errorsByClass,
                    effectiveLatency,
                    null);
        }
    }

    /**
     * A breaking point found on windowed data and confirmed over consecutive intervals.
     *
     * @param reason {@code error_rate_spike}, {@code latency_degradation}, {@code throughput_plateau},
     *     {@code drops} or {@code stall}
     * @param detail the numbers behind the decision
     * @param atSeconds when it was confirmed (end of the interval), seconds since the run started
     * @param intervalIndex the interval at which it was confirmed
     * @param offeredLoad the offered load then
     * @param lastHealthyLoad the offered load of the last healthy interval before it, or {@code null} if none was
     * @param lastHealthySeconds when that interval ended, or {@code null}
     * @param throughputAtKneeRps the highest throughput between the last healthy interval and the detection (the
     *     capacity the server reached), or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BreakingPoint(
            String reason,
            String detail,
            double atSeconds,
            int intervalIndex,
            double offeredLoad,
            Double lastHealthyLoad,
            Double lastHealthySeconds,
            Double throughputAtKneeRps) {
        /**
         * A breaking point without knee figures.
         *
         * @param reason the reason
         * @param detail the detail
         * @param atSeconds the at seconds
         * @param intervalIndex the interval index
         * @param offeredLoad the offered load
         */
        public BreakingPoint(String reason, String detail, double atSeconds, int intervalIndex, double offeredLoad) {
            this(reason, detail, atSeconds, intervalIndex, offeredLoad, null, null, null);
        }
    }

    /**
     * The {@code find-ceiling} result.
     *
     * @param highestSustainableRate the highest rate that met the SLO, or {@code null} if none did
     * @param brokeAtRate the first rate that broke the SLO, or {@code null} if none did
     * @param reason why that step broke the SLO, or {@code null}
     * @param steps every step tried
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ceiling(Double highestSustainableRate, Double brokeAtRate, String reason, List<CeilingStep> steps) {}

    /** One step of {@code find-ceiling}. */
    public record CeilingStep(
            double rate, double throughputRps, double p99Ms, double errorRate, double dropRate, boolean passed) {}

    /** One threshold's result. */
    public record ThresholdResult(String expression, double actual, boolean passed) {}
}
