package dev.jmcp.server.internal;

import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.server.HandlerExecution;
import java.util.concurrent.Executor;

/** The executor the handlers of stateless exchanges run on, per {@link HandlerExecution}. */
public final class StatelessExecutors {

    private StatelessExecutors() {}

    /**
     * The executor for {@code policy}.
     *
     * @param handOff the server's executor
     * @param applicationSupplied whether the application chose {@code handOff} itself (then AUTO keeps it)
     */
    public static Executor of(HandlerExecution policy, Executor handOff, boolean applicationSupplied) {
        return switch (policy) {
            case INLINE -> Runnable::run;
            case HAND_OFF -> handOff;
            case AUTO -> {
                if (applicationSupplied) {
                    yield handOff;
                }
                yield !HandlerExecutors.virtualThreadsAvailable()
                        ? new InlineWhileSlotsFree(handOff, INLINE_SLOTS)
                        : new InlineOnVirtualThreads(handOff);
            }
        };
    }

    /**
     * How many handlers of stateless requests may run inline on container (platform) request threads at once under
     * {@code AUTO} on a runtime without virtual threads (JDK 17-20); the others are handed off. System property
     * {@code jmcp.inlineHandlerSlots}; default 64 (about a third of the 200 threads of Jetty's and
     * {@code McpHttpServer}'s default pool, so slow handlers never hold most of it); 0 always hands off. Measured on
     * 2 cores at 64 connections (docs/benchmarks.md): 2 slots saved little (most requests found them taken); 16 came
     * within noise of {@code INLINE} on an idle machine, but on a busier one, where more requests are preempted inside
     * their handler, 16 handed off often (0.84-0.89x the floor's throughput against {@code INLINE}'s 0.92-0.96x, and
     * the handler pool's threads restarted after idle periods); 64 matched {@code INLINE}.
     */
    public static final int DEFAULT_INLINE_SLOTS = 64;

    /** The inline slots in effect: {@code jmcp.inlineHandlerSlots}, else {@link #DEFAULT_INLINE_SLOTS}. */
    public static final int INLINE_SLOTS = Integer.getInteger("jmcp.inlineHandlerSlots", DEFAULT_INLINE_SLOTS);

    /**
     * JDK 17: runs a task on the caller's thread when that is a request thread marked by its transport ({@link
     * HandlerExecutors#onRequestThread()}) and fewer than {@code slots} handlers already run that way; else hands it
     * to {@code handOff}. A slow handler so holds at most {@code slots} container threads (of a pool of hundreds),
     * never the container, and the requests beyond are handed off as before; a fast handler costs no thread switch.
     */
    static final class InlineWhileSlotsFree implements Executor {
        private final Executor handOff;
        private final java.util.concurrent.atomic.AtomicInteger free;

        InlineWhileSlotsFree(Executor handOff, int slots) {
            this.handOff = handOff;
            this.free = new java.util.concurrent.atomic.AtomicInteger(slots);
        }

        @Override
        public void execute(Runnable task) {
            if (HandlerExecutors.onRequestThread()) {
                int n;
                while ((n = free.get()) > 0) {
                    if (free.compareAndSet(n, n - 1)) {
                        try {
                            task.run();
                        } finally {
                            free.incrementAndGet();
                        }
                        return;
                    }
                }
            }
            handOff.execute(task);
        }

        /** The free slots (for tests). */
        int free() {
            return free.get();
        }
    }

    /** Runs a task on the caller's thread when that is a virtual thread, else hands it to {@code handOff}. */
    private record InlineOnVirtualThreads(Executor handOff) implements Executor {
        @Override
        public void execute(Runnable task) {
            if (HandlerExecutors.onVirtualThread()) {
                task.run();
            } else {
                handOff.execute(task);
            }
        }
    }
}
