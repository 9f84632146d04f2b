package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.LoadTestConfig;
import dev.jmcp.loadtest.Overload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open model's workers: each free worker takes the next arrival of the schedule itself ({@link ArrivalClaims}),
 * and an arrival no worker was free for within the queue wait is dropped (with the {@link Overload#QUEUE} policy it
 * waits as long as it takes).
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

    /**
     * Starts the workers on {@code executor}: each takes the plan's arrivals (from {@code startNanos}) itself, waits
     * for the arrival's intended time if it is early, and runs the iteration; no scheduler thread hands arrivals over,
     * so a request costs no thread hand-off. Returns the reaper thread: it drops arrivals no worker could take within
     * the queue wait as they become overdue (so drops are counted while every worker is busy), and when interrupted
     * (the run ends) stops the claiming and counts the arrivals that were due but never started as dropped.
     */
    Thread start(ExecutorService executor, List<Worker> workers, ArrivalSchedule schedule, long startNanos) {
        ArrivalClaims claims = new ArrivalClaims(
                schedule,
                startNanos,
                settings.iterations(),
                settings.overload() == Overload.QUEUE
                        ? -1
                        : settings.maxQueueWait().toNanos(),
                run.hub());
        this.claims = claims;
        for (Worker w : workers) {
            try {
                executor.execute(() -> work(w, claims));
            } catch (RuntimeException rejected) {
                break; // the executor is shut down: the run is over
            }
        }
        Thread t = Threads.platform("jmcp-loadtest-scheduler", () -> {
            try {
                while (run.control().running() && !claims.over()) {
                    claims.dropOverdue(run.clock().nanoTime());
                    run.clock().sleepUntil(run.clock().nanoTime() + REAP_NANOS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                claims.close(run.clock().nanoTime());
                schedulerDone = true;
            }
        });
        t.start();
        return t;
    }

    /** How often arrivals nobody could take are looked for and dropped. */
    private static final long REAP_NANOS = 5_000_000L;

    /** How long a worker sleeps at most before looking at the run's state again. */
    private static final long NAP_NANOS = 20_000_000L;

    private volatile ArrivalClaims claims;
    /** Workers between claiming an arrival and starting it (waiting for its time). */
    private final AtomicInteger holding = new AtomicInteger();

    /** One worker's loop: claim the next arrival, wait for its time, run it, until the run or the plan ends. */
    private void work(Worker w, ArrivalClaims claims) {
        Clock clock = run.clock();
        long freeSince = clock.nanoTime();
        try {
            while (run.control().running()) {
                holding.incrementAndGet(); // before the claim, so that done() never misses a claimed arrival
                long intended = claims.claim(clock.nanoTime());
                if (intended == ArrivalClaims.NONE) {
                    holding.decrementAndGet();
                    return;
                }
                long now;
                while ((now = clock.nanoTime()) - intended < 0 && run.control().running()) {
                    clock.sleepUntil(Math.min(intended, now + NAP_NANOS));
                }
                if (!run.control().running() || !w.metrics.beginIteration()) {
                    claims.unclaim();
                    holding.decrementAndGet();
                    if (now - intended >= 0) {
                        run.hub().recordArrival(now - intended, false, now - intended); // due, never started
                    }
                    return;
                }
                // lag: from when the arrival was due and this worker free, to its start
                run.hub().recordArrival(Math.max(0, now - Math.max(intended, freeSince)), true, now - intended);
                inFlight.incrementAndGet();
                holding.decrementAndGet();
                try {
                    run.runner().run(w, intended);
                } catch (RuntimeException e) {
                    // a target bug: this iteration is lost, the worker goes on (as a task per iteration did)
                } finally {
                    w.metrics.endIteration();
                    inFlight.decrementAndGet();
                }
                freeSince = clock.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Iterations dispatched and not finished yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Whether every arrival of the plan was taken or dropped and every iteration started has finished. */
    boolean done() {
        ArrivalClaims c = claims;
        return (schedulerDone || (c != null && c.over())) && holding.get() == 0 && inFlight.get() == 0;
    }
}
