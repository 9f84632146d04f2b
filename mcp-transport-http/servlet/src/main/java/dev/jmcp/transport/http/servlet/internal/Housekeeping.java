package dev.jmcp.transport.http.servlet.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of an endpoint that does timed work: a periodic sweep (keep-alives) and one-shot checks at
 * deadlines (session expiry), kept in the executor's deadline-ordered queue, so that each check costs only when
 * it is due and a cancelled one leaves the queue at once. Started lazily; once {@linkplain #stop() stopped} it
 * never starts again.
 */
final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Runnable sweep;
    private final long sweepMillis;
    private volatile ScheduledThreadPoolExecutor executor;
    private boolean stopped;

    /** Housekeeping running {@code sweep} every {@code sweepMillis} once started. */
    Housekeeping(Runnable sweep, long sweepMillis) {
        this.sweep = sweep;
        this.sweepMillis = sweepMillis;
    }

    /** Starts the thread unless it runs or was stopped; cheap when it runs. */
    void ensureStarted() {
        if (executor != null) {
            return;
        }
        synchronized (this) {
            if (executor != null || stopped) {
                return;
            }
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "jmcp-http-housekeeping");
                t.setDaemon(true);
                return t;
            });
            e.setRemoveOnCancelPolicy(true);
            e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            e.scheduleWithFixedDelay(this::sweepSafely, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
            executor = e;
        }
    }

    /** Runs {@code task} once after {@code delayNanos}; null when stopped. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        ensureStarted();
        ScheduledThreadPoolExecutor e = executor;
        if (e == null) {
            return null;
        }
        try {
            return e.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    /** Timed tasks waiting in the queue, the sweep included; 0 when not running (for tests). */
    int queuedTasks() {
        ScheduledThreadPoolExecutor e = executor;
        return e == null || e.isShutdown() ? 0 : e.getQueue().size();
    }

    /** Stops the thread for good. Idempotent. */
    void stop() {
        ScheduledThreadPoolExecutor e;
        synchronized (this) {
            stopped = true;
            e = executor;
        }
        if (e != null) {
            e.shutdownNow();
        }
    }

    private void sweepSafely() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            LOG.warn("HTTP housekeeping failed", e);
        }
    }
}
