package dev.jmcp.loadtest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run measured, as the engine cuts it: every interval in order, the run's total, each stage's total and when
 * each stage started and ended (offsets from the run's start). Not thread-safe: the engine guards it.
 */
final class Measurements {
    private final List<IntervalData> intervals = new ArrayList<>();
    private final IntervalData total = new IntervalData(0, 0, 0);
    private final List<IntervalData> stages = new ArrayList<>();
    private final long[] stageStart;
    private final long[] stageEnd;

    Measurements(LoadPlan plan) {
        for (LoadPlan.Phase p : plan.phases()) {
            stages.add(new IntervalData(p.startNanos(), p.startNanos(), p.index()));
        }
        this.stageStart = new long[plan.phases().size()];
        this.stageEnd = new long[plan.phases().size()];
        Arrays.fill(stageStart, -1);
    }

    /** Adds an interval cut during stage {@code phase}. */
    void add(IntervalData d, int phase) {
        intervals.add(d);
        total.add(d);
        stages.get(phase).add(d);
    }

    /** The intervals so far, in order. */
    List<IntervalData> intervals() {
        return intervals;
    }

    /** The run's total so far. */
    IntervalData total() {
        return total;
    }

    /** The total of stage {@code phase} so far. */
    IntervalData stage(int phase) {
        return stages.get(phase);
    }

    /** Stage {@code phase} started at {@code offsetNanos}. */
    void stageStarted(int phase, long offsetNanos) {
        stageStart[phase] = offsetNanos;
    }

    /** Stage {@code phase} ended at {@code offsetNanos}. */
    void stageEnded(int phase, long offsetNanos) {
        stageEnd[phase] = offsetNanos;
    }

    /** Whether stage {@code phase} was reached. */
    boolean reached(int phase) {
        return stageStart[phase] >= 0;
    }

    /** When stage {@code phase} started, from the run's start. */
    long stageStartNanos(int phase) {
        return stageStart[phase];
    }

    /** How long stage {@code phase} ran. */
    long stageNanos(int phase) {
        return Math.max(0, stageEnd[phase] - stageStart[phase]);
    }
}
