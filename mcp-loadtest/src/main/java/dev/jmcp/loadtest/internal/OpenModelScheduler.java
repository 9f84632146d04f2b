package dev.jmcp.loadtest.internal;

import java.util.function.BooleanSupplier;

/**
 * Starts open-model iterations on schedule. For every arrival it waits for the intended time, records how late it
 * is (generator lag) and hands it to the dispatcher with a deadline; an arrival no worker takes by then is counted
 * as dropped (and in the effective latency as at least the timeout), never as a request. With no deadline
 * ({@code maxQueueWaitNanos < 0}, the wrk2-style {@code queue} overload policy) arrivals wait as long as it takes
 * and nothing is dropped while the run lasts. The intended time travels with the arrival, so latency is measured
 * from it. When the run stops, arrivals that were due but never started are counted as dropped too.
 */
public final class OpenModelScheduler {
    /** Hands an arrival to a free worker. */
    @FunctionalInterface
    public interface Dispatcher {
        /**
         * Starts an iteration intended at {@code intendedNanos} if a worker is free by {@code deadlineNanos}
         * ({@link Long#MAX_VALUE}: no deadline, wait for a worker as long as it takes).
         *
         * @return false if the arrival was dropped
         */
        boolean dispatch(long intendedNanos, long deadlineNanos) throws InterruptedException;
    }

    private final Clock clock;
    private final ArrivalSchedule schedule;
    private final Dispatcher dispatcher;
    private final MetricsHub hub;
    private final long maxQueueWaitNanos;
    private final long iterationLimit;
    private long dispatched;
    private long pending; // the intended time of the arrival being dispatched, if hasPending
    private boolean hasPending;

    /**
     * Creates a scheduler; {@code maxQueueWaitNanos} below 0 means arrivals wait for a worker without bound;
     * {@code iterationLimit} 0 means unlimited.
     */
    public OpenModelScheduler(
            Clock clock,
            ArrivalSchedule schedule,
            Dispatcher dispatcher,
            MetricsHub hub,
            long maxQueueWaitNanos,
            long iterationLimit) {
        this.clock = clock;
        this.schedule = schedule;
        this.dispatcher = dispatcher;
        this.hub = hub;
        this.maxQueueWaitNanos = maxQueueWaitNanos;
        this.iterationLimit = iterationLimit;
    }

    /**
     * Runs until the schedule ends, the iteration limit is reached or {@code stopped} turns true.
     *
     * @return the number of dispatched iterations
     */
    public long run(long startNanos, BooleanSupplier stopped) throws InterruptedException {
        dispatched = 0;
        try {
            loop(startNanos, stopped);
        } finally {
            if (iterationLimit == 0) {
                countOverdue(startNanos);
            }
        }
        return dispatched;
    }

    /** Arrivals due by now that never started (the run stopped first) count as dropped. */
    private void countOverdue(long startNanos) {
        long now = clock.nanoTime();
        if (hasPending && now - pending >= 0) {
            hub.recordArrival(now - pending, false, now - pending);
        }
        hasPending = false;
        long offset;
        while ((offset = schedule.next()) >= 0 && now - (startNanos + offset) >= 0) {
            long waited = now - (startNanos + offset);
            hub.recordArrival(waited, false, waited);
        }
    }

    private void loop(long startNanos, BooleanSupplier stopped) throws InterruptedException {
        while (!stopped.getAsBoolean() && (iterationLimit == 0 || dispatched < iterationLimit)) {
            long offset = schedule.next();
            if (offset < 0) {
                break;
            }
            long intended = startNanos + offset;
            pending = intended;
            hasPending = true;
            while (clock.nanoTime() - intended < 0) {
                if (stopped.getAsBoolean()) {
                    return;
                }
                clock.sleepUntil(Math.min(intended, clock.nanoTime() + 50_000_000L));
            }
            long lag = clock.nanoTime() - intended;
            long deadline = maxQueueWaitNanos < 0 ? Long.MAX_VALUE : intended + maxQueueWaitNanos;
            boolean taken = dispatcher.dispatch(intended, deadline); // interrupted: counted as overdue
            hasPending = false;
            hub.recordArrival(lag, taken, clock.nanoTime() - intended);
            if (taken) {
                dispatched++;
            }
        }
    }
}
