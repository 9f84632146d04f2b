package dev.jmcp.loadtest.internal;

import java.util.function.BooleanSupplier;

/**
 * Starts open-model iterations on schedule. For every arrival it waits for the intended time, records how late it
 * is (generator lag) and hands it to the dispatcher with a deadline; an arrival no worker takes by then is counted
 * as dropped, never as a request. The intended time travels with the arrival, so latency is measured from it.
 */
public final class OpenModelScheduler {
    /** Hands an arrival to a free worker. */
    @FunctionalInterface
    public interface Dispatcher {
        /**
         * Starts an iteration intended at {@code intendedNanos} if a worker is free by {@code deadlineNanos}.
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

    /** Creates a scheduler; {@code iterationLimit} 0 means unlimited. */
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
        long dispatched = 0;
        while (!stopped.getAsBoolean() && (iterationLimit == 0 || dispatched < iterationLimit)) {
            long offset = schedule.next();
            if (offset < 0) {
                break;
            }
            long intended = startNanos + offset;
            while (clock.nanoTime() - intended < 0) {
                if (stopped.getAsBoolean()) {
                    return dispatched;
                }
                clock.sleepUntil(Math.min(intended, clock.nanoTime() + 50_000_000L));
            }
            long lag = clock.nanoTime() - intended;
            boolean taken;
            try {
                taken = dispatcher.dispatch(intended, intended + maxQueueWaitNanos);
            } catch (InterruptedException e) {
                hub.recordArrival(lag, false); // the run stopped while this arrival waited for a worker
                throw e;
            }
            hub.recordArrival(lag, taken);
            if (taken) {
                dispatched++;
            }
        }
        return dispatched;
    }
}
