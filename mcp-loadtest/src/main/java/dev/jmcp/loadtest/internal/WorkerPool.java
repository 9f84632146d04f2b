package dev.jmcp.loadtest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every worker a run creates (virtual users and open-model slots), each with its own recorders and a random stream
 * split from the run's seed in creation order; closes all their sessions at the end.
 */
final class WorkerPool {
    private static final int CLOSE_PARALLELISM = 32;
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(10);

    private final MetricsHub hub;
    private final SplittableRandom seeds;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Worker> all = Collections.synchronizedList(new ArrayList<>());

    WorkerPool(MetricsHub hub, long seed) {
        this.hub = hub;
        this.seeds = new SplittableRandom(seed);
    }

    /** A new worker, registered so that its session is closed at the end. */
    Worker newWorker() {
        Worker w = new Worker(ids.getAndIncrement(), hub.newWorker(), nextSeed());
        all.add(w);
        return w;
    }

    /**
     * Forgets a worker that has finished for good (a retired virtual user whose session is closed): its recorders
     * are released after their last drain, so levels that go up and down do not accumulate workers.
     */
    void release(Worker w) {
        all.remove(w);
        w.metrics.retire();
    }

    private SplittableRandom nextSeed() {
        synchronized (seeds) {
            return seeds.split();
        }
    }

    /** Closes the sessions of every worker, in parallel and bounded in time. */
    void closeAllSessions() throws InterruptedException {
        List<Worker> workers;
        synchronized (all) {
            workers = new ArrayList<>(all);
        }
        Parallel.forEach(workers, CLOSE_PARALLELISM, CLOSE_LIMIT, Worker::closeSession);
    }
}
