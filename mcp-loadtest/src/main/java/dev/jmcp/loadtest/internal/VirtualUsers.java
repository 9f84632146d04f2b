package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The closed model: a number of virtual users, each running iterations back to back with think time between them
 * (and a growing back-off after a failed session open), until the run stops, the iteration limit is used up or
 * the level drops and the user is retired. With pacing each user starts an iteration every {@code pacing} instead;
 * an iteration that overruns its slot makes the next start late, and its latency counts from its slot.
 */
final class VirtualUsers {
    private final LoadTestConfig.Settings settings;
    private final RunContext run;
    private final Deque<Worker> users = new ConcurrentLinkedDeque<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong iterationPermits = new AtomicLong();

    VirtualUsers(RunContext run) {
        this.run = run;
        this.settings = run.settings();
    }

    /** Starts or retires users until {@code desired} are active. */
    void adjust(ExecutorService executor, int desired) {
        while (users.size() < desired) {
            Worker w = run.workers().newWorker();
            users.addLast(w);
            running.incrementAndGet();
            executor.execute(() -> loop(w));
        }
        while (users.size() > desired) {
            Worker w = users.pollLast();
            if (w != null) {
                w.active = false;
            }
        }
    }

    /** Users whose loop has not ended yet. */
    int running() {
        return running.get();
    }

    /** Whether the iteration limit is used up and every user has finished. */
    boolean iterationsDone() {
        long limit = settings.iterations();
        return limit > 0 && iterationPermits.get() >= limit && running.get() == 0;
    }

    /** Tells every user to finish its current iteration and start no other. */
    void retireAll() {
        users.forEach(v -> v.active = false);
    }

    private void loop(Worker w) {
        long limit = settings.iterations();
        long pacing = settings.pacing().toNanos();
        long nextStart = run.clock().nanoTime();
        try {
            while (w.active && run.control().running()) {
                if (limit > 0 && iterationPermits.incrementAndGet() > limit) {
                    break;
                }
                if (!w.metrics.beginIteration()) {
                    break; // the run is over
                }
                // paced: the iteration was intended at its slot even if the previous one overran (no coordinated
                // omission); unpaced: it starts now and latency is service time
                long intended = pacing > 0 ? nextStart : run.clock().nanoTime();
                boolean opened;
                try {
                    opened = run.runner().run(w, intended);
                } finally {
                    w.metrics.endIteration();
                }
                if (!opened) {
                    long backoff = Math.min(100_000_000L << Math.min(w.consecutiveOpenFailures - 1, 5), 2_000_000_000L);
                    pause(w, backoff);
                    nextStart = run.clock().nanoTime();
                } else if (pacing > 0) {
                    nextStart += pacing;
                    pause(w, nextStart - run.clock().nanoTime());
                } else {
                    pause(w, thinkNanos(w));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            w.closeSession();
            run.workers().release(w);
            running.decrementAndGet();
        }
    }

    private long thinkNanos(Worker w) {
        long mean = settings.thinkTime().mean().toNanos();
        if (mean <= 0) {
            return 0;
        }
        return settings.thinkTime().exponential() ? (long) (-Math.log(1 - w.random.nextDouble()) * mean) : mean;
    }

    private void pause(Worker w, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0
                && w.active
                && run.control().running()) {
            LockSupport.parkNanos(Math.min(left, 20_000_000L));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
