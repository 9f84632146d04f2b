package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.Overload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open model's workers and the scheduler thread that hands them arrivals: an arrival goes to the most recently
 * used idle worker (and its warm session), or is dropped when none is free within the queue wait (with the
 * {@link Overload#QUEUE} policy it waits as long as it takes).
 */
final class OpenModelWorkers {
    private static final int OPEN_PARALLELISM = 16;
    private static final Duration POOL_OPEN_LIMIT = Duration.ofSeconds(60);

    private final LoadTestConfig.Settings settings;
    private final RunContext run;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean schedulerDone;

    OpenModelWorkers(RunContext run) {
        this.run = run;
        this.settings = run.settings();
    }

    /**
     * The workers that take arrivals. With persistent or stateless sessions, a pool of sessions is opened before the
     * measured phase (in parallel, bounded) and only workers holding one take arrivals, so a slow server never sees
     * a burst of handshakes during the run; with per-iteration sessions every worker opens its own each iteration.
     */
    List<Worker> prepare() throws InterruptedException {
        boolean perIteration = settings.sessionMode().perIteration();
        int share = settings.requestsPerSession();
        // with several requests per session, max_workers still bounds the requests in flight
        int n = perIteration
                ? settings.maxWorkers()
                : Math.min(settings.effectiveSessionPool(), (settings.maxWorkers() + share - 1) / share);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(run.workers().newWorker());
        }
        if (perIteration) {
            return workers;
        }
        Parallel.forEach(workers, OPEN_PARALLELISM, POOL_OPEN_LIMIT, w -> {
            long t0 = run.clock().nanoTime();
            try {
                w.session = run.target().openSession(settings.sessionMode());
                w.metrics.recordHandshake(run.clock().nanoTime() - t0, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                w.metrics.recordHandshake(run.clock().nanoTime() - t0, false);
            }
        });
        List<Worker> ready = new ArrayList<>();
        for (Worker w : workers) {
            if (w.session != null) {
                ready.add(w);
                // several requests in flight per session: more workers on the same session (its client multiplexes
                // them; after a connection error each worker reopens a session of its own)
                for (int k = 1; k < share && ready.size() < settings.maxWorkers(); k++) {
                    Worker extra = run.workers().newWorker();
                    extra.session = w.session;
                    ready.add(extra);
                }
            }
        }
        return ready;
    }

    /** Starts the scheduler thread that dispatches the plan's arrivals (from {@code startNanos}) to {@code workers}. */
    Thread start(ExecutorService executor, List<Worker> workers, ArrivalSchedule schedule, long startNanos) {
        // LIFO: the most recently used worker (and its warm session) is reused first
        LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>(Math.max(1, workers.size()));
        idle.addAll(workers);
        OpenModelScheduler scheduler = new OpenModelScheduler(
                run.clock(),
                schedule,
                (intended, deadline) -> dispatch(executor, idle, intended, deadline),
                run.hub(),
                settings.overload() == Overload.QUEUE
                        ? -1
                        : settings.maxQueueWait().toNanos(),
                settings.iterations());
        Thread t = Threads.platform("jmcp-loadtest-scheduler", () -> {
            try {
                scheduler.run(startNanos, () -> !run.control().running());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                schedulerDone = true;
            }
        });
        t.start();
        return t;
    }

    private boolean dispatch(ExecutorService executor, LinkedBlockingDeque<Worker> idle, long intended, long deadline)
            throws InterruptedException {
        Worker w;
        if (deadline == Long.MAX_VALUE) {
            w = idle.takeFirst(); // queue policy: wait as long as it takes
        } else {
            long wait = deadline - run.clock().nanoTime();
            w = wait > 0 ? idle.pollFirst(wait, TimeUnit.NANOSECONDS) : idle.pollFirst();
        }
        if (w == null) {
            return false;
        }
        if (!w.metrics.beginIteration()) {
            idle.offerFirst(w);
            return false;
        }
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    run.runner().run(w, intended);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    release(w, idle);
                }
            });
        } catch (RuntimeException rejected) {
            release(w, idle);
            return false;
        }
        return true;
    }

    /** Ends the worker's iteration and makes it the first idle worker again. */
    private void release(Worker w, LinkedBlockingDeque<Worker> idle) {
        w.metrics.endIteration();
        idle.offerFirst(w);
        inFlight.decrementAndGet();
    }

    /** Iterations dispatched and not finished yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Whether the scheduler has ended and every iteration it started has finished. */
    boolean done() {
        return schedulerDone && inFlight.get() == 0;
    }
}
