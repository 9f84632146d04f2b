package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.McpScenarios;
import dev.jmcp.loadtest.target.StepDetail;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records what progress and task steps observed ({@link StepDetail}) into wait-free recorders: time to first
 * progress next to the calls' service time, tasks' time to completion, polls and terminal states. Thread-safe.
 */
final class StepDetailRecorder {
    private static final int DIGITS = 3;

    private final Recorder firstProgress = new Recorder(DIGITS);
    private final Recorder progressCalls = new Recorder(DIGITS);
    private final LongAdder progressCallCount = new LongAdder();
    private final LongAdder withProgress = new LongAdder();
    private final Recorder taskCompletion = new Recorder(DIGITS);
    private final LongAdder taskCalls = new LongAdder();
    private final LongAdder tasksCreated = new LongAdder();
    private final LongAdder tasksNotCreated = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final LongAccumulator maxPolls = new LongAccumulator(Math::max, 0);
    private final Map<String, LongAdder> states = new ConcurrentHashMap<>();
    private final Histogram firstProgressTotal = new Histogram(DIGITS);
    private final Histogram progressCallsTotal = new Histogram(DIGITS);
    private final Histogram taskCompletionTotal = new Histogram(DIGITS);
    private final Recorder pollsPerTask = new Recorder(DIGITS);
    private final Histogram pollsPerTaskTotal = new Histogram(DIGITS);

    /** Records one step's detail and its service time (send to answer). */
    void record(StepDetail d, long serviceNanos) {
        long serviceMicros = Math.max(0, serviceNanos / 1000);
        if (d.isTask()) {
            taskCalls.increment();
            if ("not_created".equals(d.taskState())) {
                tasksNotCreated.increment();
            } else if (!"error".equals(d.taskState()) || d.taskPolls() > 0) {
                tasksCreated.increment();
                polls.add(d.taskPolls());
                pollsPerTask.recordValue(d.taskPolls());
                maxPolls.accumulate(d.taskPolls());
            }
            states.computeIfAbsent(d.taskState(), k -> new LongAdder()).increment();
            taskCompletion.recordValue(serviceMicros);
        } else {
            progressCallCount.increment();
            progressCalls.recordValue(serviceMicros);
        }
        if (d.firstProgressNanos() >= 0) {
            withProgress.increment();
            firstProgress.recordValue(d.firstProgressNanos() / 1000);
        }
    }

    /** The progress part, or null when no progress call was made. */
    synchronized McpScenarios.Progress progress() {
        firstProgressTotal.add(firstProgress.getIntervalHistogram());
        progressCallsTotal.add(progressCalls.getIntervalHistogram());
        long calls = progressCallCount.sum();
        if (calls == 0) {
            return null;
        }
        return new McpScenarios.Progress(
                calls,
                withProgress.sum(),
                orEmpty(Reports.latency(firstProgressTotal)),
                orEmpty(Reports.latency(progressCallsTotal)));
    }

    /** The tasks part, or null when no task call was made. */
    synchronized McpScenarios.Tasks tasks() {
        taskCompletionTotal.add(taskCompletion.getIntervalHistogram());
        pollsPerTaskTotal.add(pollsPerTask.getIntervalHistogram());
        long calls = taskCalls.sum();
        if (calls == 0) {
            return null;
        }
        long created = tasksCreated.sum();
        Map<String, Long> byState = new TreeMap<>();
        states.forEach((k, v) -> byState.put(k, v.sum()));
        return new McpScenarios.Tasks(
                calls,
                created,
                tasksNotCreated.sum(),
                orEmpty(Reports.latency(taskCompletionTotal)),
                created == 0 ? 0 : Reports.round(polls.sum() / (double) created),
                maxPolls.get(),
                byState);
    }

    /** Adds the histograms behind {@link #progress()} and {@link #tasks()} (call those first) to {@code out}. */
    synchronized void histograms(Map<String, String> out) {
        EncodedHistograms.put(out, McpScenarios.FIRST_PROGRESS, firstProgressTotal);
        EncodedHistograms.put(out, McpScenarios.PROGRESS_CALLS, progressCallsTotal);
        EncodedHistograms.put(out, McpScenarios.TASK_COMPLETION, taskCompletionTotal);
        EncodedHistograms.put(out, McpScenarios.TASK_POLLS, pollsPerTaskTotal);
    }

    private static dev.jmcp.loadtest.LoadTestReport.Latency orEmpty(dev.jmcp.loadtest.LoadTestReport.Latency l) {
        return l == null ? Reports.emptyLatency() : l;
    }
}
