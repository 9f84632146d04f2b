package dev.jmcp.loadtest.internal;

/**
 * The open model's arrivals as the workers take them: each free worker claims the next arrival of the schedule
 * itself (no scheduler thread between the schedule and the workers, so no hand-off per request), and arrivals that
 * no worker claimed within the queue wait are dropped by whoever looks first (a worker, or the reaper that looks every
 * few milliseconds so that drops are counted when they happen even while every worker is busy). Thread-safe: one
 * short lock per claim.
 */
final class ArrivalClaims {
    /** No arrival: the schedule is over, the iteration limit is reached, or claiming was closed. */
    static final long NONE = Long.MIN_VALUE;

    private final ArrivalSchedule schedule;
    private final long startNanos;
    private final long iterationLimit;
    private final long maxQueueWaitNanos;
    private final MetricsHub hub;
    private long reserved; // claimed and not dropped: counts toward the iteration limit
    private long pending = NONE; // the next arrival, looked at but not claimed
    private boolean exhausted;
    private boolean closed;

    ArrivalClaims(
            ArrivalSchedule schedule, long startNanos, long iterationLimit, long maxQueueWaitNanos, MetricsHub hub) {
        this.schedule = schedule;
        this.startNanos = startNanos;
        this.iterationLimit = iterationLimit;
        this.maxQueueWaitNanos = maxQueueWaitNanos;
        this.hub = hub;
    }

    private long peek() {
        if (pending == NONE && !exhausted) {
            long offset = schedule.next();
            if (offset < 0) {
                exhausted = true;
            } else {
                pending = startNanos + offset;
            }
        }
        return pending;
    }

    /**
     * Claims the next arrival for a worker free at {@code now}, dropping every earlier one that waited longer than
     * the queue wait.
     *
     * @return its intended time, or {@link #NONE}
     */
    synchronized long claim(long now) {
        if (closed || (iterationLimit > 0 && reserved >= iterationLimit)) {
            return NONE;
        }
        dropOverdue(now);
        long next = peek();
        if (next != NONE) {
            pending = NONE;
            reserved++;
        }
        return next;
    }

    /** A claimed arrival that did not start (the run was sealed or is stopping) no longer counts toward the limit. */
    synchronized void unclaim() {
        reserved--;
    }

    /** Drops the arrivals that waited longer than the queue wait for a worker (none with the queue policy). */
    synchronized void dropOverdue(long now) {
        if (maxQueueWaitNanos < 0 || closed) {
            return;
        }
        long next;
        while ((next = peek()) != NONE && now - next > maxQueueWaitNanos) {
            pending = NONE;
            hub.recordArrival(now - next, false, now - next);
        }
    }

    /** Stops claiming; arrivals due by {@code now} that were never claimed count as dropped. */
    synchronized void close(long now) {
        if (closed) {
            return;
        }
        closed = true;
        if (iterationLimit > 0) {
            return;
        }
        long next;
        while ((next = peek()) != NONE && now - next >= 0) {
            pending = NONE;
            hub.recordArrival(now - next, false, now - next);
        }
    }

    /** Whether no arrival is left to claim. */
    synchronized boolean over() {
        return closed || (iterationLimit > 0 && reserved >= iterationLimit) || peek() == NONE;
    }
}
