package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.LoadTestConfig.FlowStep;
import dev.jmcp.loadtest.LoadTestConfig.Scenario;
import dev.jmcp.loadtest.target.ErrorKind;
import dev.jmcp.loadtest.target.SessionMode;
import dev.jmcp.loadtest.target.Step;
import dev.jmcp.loadtest.target.StepOutcome;
import dev.jmcp.loadtest.target.Target;
import dev.jmcp.loadtest.target.TargetSession;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    private final Map<FlowStep, StepKeys> keys = new IdentityHashMap<>();
    /** Steps that reference no variable, resolved once (no per-request copy). */
    private final Map<FlowStep, Step> constant = new IdentityHashMap<>();

    IterationRunner(Target target, LoadTestConfig config, Clock clock) {
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
        for (Scenario sc : scenarios) {
            for (FlowStep f : sc.steps()) {
                keys.put(f, StepKeys.of(f.operation(), f.name()));
                if (Placeholders.referenced(f).isEmpty()) {
                    constant.put(f, Placeholders.resolve(f, Map.of()));
                }
            }
        }
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
     * Runs one iteration; the caller has {@linkplain WorkerMetrics#beginIteration() begun} it and ends it. Once the
     * run's measurements are sealed the iteration stops at its next sample.
     *
     * @return false if the session could not be opened (callers may back off)
     */
    boolean run(Worker w, long intendedNanos) throws InterruptedException {
        Scenario scenario = pick(w);
        long intended = intendedNanos;
        if (w.session == null) {
            long t0 = clock.nanoTime();
            try {
                w.session = target.openSession(mode);
                long end = clock.nanoTime();
                w.consecutiveOpenFailures = 0;
                if (mode.perIteration()) {
                    // churn: the handshake is part of every iteration's work, measured like a request
                    w.metrics.recordConnect(StepOutcome.success(null), end - intendedNanos, end - t0);
                    intended = end;
                } else {
                    w.metrics.recordHandshake(end - t0, true);
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                w.consecutiveOpenFailures++;
                long end = clock.nanoTime();
                StepOutcome failed = StepOutcome.connectionError("session open failed: " + e);
                if (mode.perIteration()) {
                    w.metrics.recordConnect(failed, end - intendedNanos, end - t0);
                    return false;
                }
                w.metrics.recordHandshake(end - t0, false);
                FlowStep first = scenario.steps().get(0);
                w.metrics.record(keys.get(first), failed, end - intendedNanos, end - t0);
                return false;
            }
        }
        TargetSession session = w.session;
        try {
            Map<String, JsonNode> vars = null; // only flows that extract need one
            for (FlowStep flowStep : scenario.steps()) {
                Step step = constant.get(flowStep);
                if (step == null) {
                    step = Placeholders.resolve(flowStep, vars == null ? Map.of() : vars);
                }
                long sent = clock.nanoTime();
                StepOutcome outcome = session == null
                        ? StepOutcome.connectionError("session closed: the run is ending")
                        : session.execute(step, timeout);
                long end = clock.nanoTime();
                if (outcome.success() && !flowStep.extract().isEmpty()) {
                    if (vars == null) {
                        vars = new HashMap<>();
                    }
                    outcome = extract(flowStep, outcome, vars);
                }
                boolean recorded = w.metrics.record(keys.get(flowStep), outcome, end - intended, end - sent);
                if (!outcome.success() && outcome.errorKind() == ErrorKind.CONNECTION) {
                    w.closeSession();
                }
                if (!recorded || !outcome.success()) {
                    break; // sealed: the run is over and this iteration was counted as cut off
                }
                intended = end;
            }
        } finally {
            if (mode.perIteration()) {
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
