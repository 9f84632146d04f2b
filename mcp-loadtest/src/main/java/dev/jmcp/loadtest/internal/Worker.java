package dev.jmcp.loadtest.internal;

import dev.jmcp.loadtest.target.TargetSession;
import java.util.SplittableRandom;

/** A virtual user (closed model) or an open-model worker slot: its session, recorders and random stream. */
final class Worker {
    final int id;
    final WorkerMetrics metrics;
    final SplittableRandom random;
    volatile TargetSession session;
    int consecutiveOpenFailures;
    volatile boolean active = true;

    Worker(int id, WorkerMetrics metrics, SplittableRandom random) {
        this.id = id;
        this.metrics = metrics;
        this.random = random;
    }

    void closeSession() {
        TargetSession s;
        synchronized (this) {
            s = session;
            session = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the target reports its own problems
            }
        }
    }
}
