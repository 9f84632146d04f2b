package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.Segment;
import java.util.List;

/**
 * The intended start times of an open-model run. Arrival {@code n} (0-based) is at the time when the integral of
 * the rate reaches {@code n}: exact for constant rates and linear ramps (each phase's cumulative count is a
 * quadratic), independent of how late the generator runs, so a slow server cannot move the schedule.
 */
public final class ArrivalSchedule {
    private final List<LoadPlan.Phase> phases;
    private int phase;
    private double phaseBase; // cumulative arrivals at the start of the current phase
    private long next; // index of the next arrival
    private final Segment segment;

    /** A schedule over a plan's phases (levels are arrivals per second). */
    public ArrivalSchedule(LoadPlan plan) {
        this(plan, Segment.WHOLE);
    }

    /**
     * The share of a schedule that one execution segment takes: of the one schedule every segment computes, the
     * arrivals whose index belongs to {@code segment}, at their intended times (so N segments offer exactly the
     * whole schedule between them, each arrival once).
     */
    public ArrivalSchedule(LoadPlan plan, Segment segment) {
        this.phases = plan.phases();
        this.segment = segment;
    }

    /** The offset (nanoseconds since the start) of the next arrival of this segment, or -1 when the plan is over. */
    public long next() {
        while (true) {
            long offset = nextOfAll();
            if (offset < 0 || segment.owns(next - 1)) {
                return offset;
            }
        }
    }

    private long nextOfAll() {
        while (phase < phases.size()) {
            LoadPlan.Phase p = phases.get(phase);
            double a = p.from();
            boolean unbounded = p.endNanos() == Long.MAX_VALUE;
            double dur = unbounded ? Double.POSITIVE_INFINITY : (p.endNanos() - p.startNanos()) / 1e9;
            double b = unbounded ? 0 : (p.to() - p.from()) / (2 * dur);
            double total = unbounded ? Double.POSITIVE_INFINITY : a * dur + b * dur * dur;
            double m = next - phaseBase;
            if (m < total - 1e-9) {
                double tau;
                if (Math.abs(b) < 1e-12) {
                    tau = a <= 0 ? Double.POSITIVE_INFINITY : m / a;
                } else {
                    double disc = a * a + 4 * b * m;
                    tau = (-a + Math.sqrt(Math.max(0, disc))) / (2 * b);
                }
                if (tau < dur) {
                    next++;
                    return p.startNanos() + Math.round(tau * 1e9);
                }
            }
            if (unbounded) {
                return -1;
            }
            phaseBase += total;
            phase++;
        }
        return -1;
    }
}
