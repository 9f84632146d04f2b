package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestReport.IntervalPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * What a run measured, as the engine cuts it: every interval's summary point in order, the run's total, each
 * stage's total and when each stage started and ended (offsets from the run's start). Bounded for long runs: an
 * interval's histograms are folded into the stage and run totals, kept in a rolling window of the newest
 * {@value #WINDOW} intervals, streamed to the histogram log (if any), and then released; only the small summary
 * point stays per interval (about 1 KB: 3,600 per hour). Not thread-safe: the engine guards it.
 */
final class Measurements {
    /** Intervals kept whole in the rolling window. */
    static final int WINDOW = 10;

    private final List<IntervalPoint> intervals = new ArrayList<>();
    private final Deque<IntervalData> window = new ArrayDeque<>();
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

    /** Adds an interval cut during stage {@code phase}, summarised as {@code point}. */
    void add(IntervalData d, IntervalPoint point, int phase) {
        intervals.add(point);
        total.add(d);
        stages.get(phase).add(d);
        window.addLast(d);
        if (window.size() > WINDOW) {
            window.removeFirst();
        }
    }

    /** The intervals' summary points so far, in order. */
    List<IntervalPoint> intervals() {
        return intervals;
    }

    /** The newest intervals (at most {@value #WINDOW}) merged: the rolling window. */
    IntervalData window(int newest) {
        IntervalData merged = null;
        int skip = Math.max(0, window.size() - newest);
        int i = 0;
        for (IntervalData d : window) {
            if (i++ < skip) {
                continue;
            }
            if (merged == null) {
                merged = new IntervalData(d.startNanos(), d.endNanos(), d.stage());
            }
            merged.add(d);
        }
        return merged == null ? new IntervalData(0, 0, 0) : merged;
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
