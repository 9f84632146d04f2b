package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.ErrorKind;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.loadtest.target.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs one scenario iteration for a worker: opens a session if needed, runs the steps in order passing extracted
 * values on, records every real request. The first step's latency counts from the iteration's intended start;
 * each later step's from the end of the previous one. In {@link SessionMode#PER_ITERATION} the session open is
 * the iteration's first operation, {@value #CONNECT_OPERATION}, recorded like a request (the first step then
 * counts from its end).
 */
final class IterationRunner {
    /** The operation under which per-iteration session opens are recorded. */
    static final String CONNECT_OPERATION = WorkerMetrics.CONNECT_OPERATION;

    private final Target target;
    private final List<Scenario> scenarios;
    private final double[] cumulativeWeights;
    private final SessionMode mode;
    private final Duration timeout;
    private final Clock clock;
    private final MetricsHub hub;

    IterationRunner(Target target, LoadTestConfig config, Clock clock, MetricsHub hub) {
        this.target = target;
        this.scenarios = config.scenarios();
        this.cumulativeWeights = new double[scenarios.size()];
        double sum = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            sum += scenarios.get(i).weight();
            cumulativeWeights[i] = sum;
        }
        this.mode = config.settings().sessionMode();
        this.timeout = config.settings().timeout();
        this.clock = clock;
        this.hub = hub;
    }

    Scenario pick(Worker w) {
        double r = w.random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (r < cumulativeWeights[i]) {
                return scenarios.get(i);
            }
        }
        return scenarios.get(scenarios.size() - 1);
    }

    /**
     * Runs one iteration.
     *
     * @return false if the session could not be opened (callers may back off)
     */
    boolean run(Worker w, long intendedNanos) throws InterruptedException {
        Scenario scenario = pick(w);
        hub.countIteration();
        long intended = intendedNanos;
        if (w.session == null) {
            long t0 = clock.nanoTime();
            try {
                w.session = target.openSession(mode);
                long end = clock.nanoTime();
                w.metrics.recordHandshake(end - t0, true);
                w.consecutiveOpenFailures = 0;
                if (mode == SessionMode.PER_ITERATION) {
                    // churn: the handshake is part of every iteration's work, measured like a request
                    w.metrics.recordConnect(StepOutcome.success(null), end - intendedNanos, end - t0);
                    intended = end;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                w.metrics.recordHandshake(clock.nanoTime() - t0, false);
                w.consecutiveOpenFailures++;
                if (mode == SessionMode.PER_ITERATION) {
                    long end = clock.nanoTime();
                    w.metrics.recordConnect(
                            StepOutcome.connectionError("session open failed: " + e), end - intendedNanos, end - t0);
                    return false;
                }
                FlowStep first = scenario.steps().get(0);
                Step step = Placeholders.resolve(first, Map.of());
                long end = clock.nanoTime();
                w.metrics.record(
                        step, StepOutcome.connectionError("session open failed: " + e), end - intendedNanos, end - t0);
                return false;
            }
        }
        try {
            Map<String, JsonNode> vars = new HashMap<>();
            for (FlowStep flowStep : scenario.steps()) {
                Step step = Placeholders.resolve(flowStep, vars);
                long sent = clock.nanoTime();
                StepOutcome outcome = w.session.execute(step, timeout);
                long end = clock.nanoTime();
                if (outcome.success() && !flowStep.extract().isEmpty()) {
                    outcome = extract(flowStep, outcome, vars);
                }
                w.metrics.record(step, outcome, end - intended, end - sent);
                if (!outcome.success()) {
                    if (outcome.errorKind() == ErrorKind.CONNECTION) {
                        w.closeSession();
                    }
                    break;
                }
                intended = end;
            }
        } finally {
            if (mode == SessionMode.PER_ITERATION) {
                w.closeSession();
            }
        }
        return true;
    }

    private static StepOutcome extract(FlowStep step, StepOutcome outcome, Map<String, JsonNode> vars) {
        for (Map.Entry<String, String> e : step.extract().entrySet()) {
            JsonNode result = outcome.result();
            JsonNode value = result == null ? null : result.at(e.getValue());
            if (value == null || value.isMissingNode() || value.isNull()) {
                return StepOutcome.validationError(
                        "no value at " + e.getValue() + " for ${" + e.getKey() + "}", outcome.result());
            }
            vars.put(e.getKey(), value);
        }
        return outcome;
    }
}
