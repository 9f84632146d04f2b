package dev.jmcp.loadtest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** Runs a task over items on a bounded number of threads, waiting a bounded time (session opens and closes). */
final class Parallel {
    private Parallel() {}

    /**
     * Runs {@code task} for every item on at most {@code parallelism} daemon threads and waits until all are done
     * or {@code limit} has passed (work still running then finishes on its own; the tasks bound their own time).
     */
    static <T> void forEach(Collection<T> items, int parallelism, Duration limit, Consumer<T> task)
            throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        Queue<T> queue = new ConcurrentLinkedQueue<>(items);
        int n = Math.max(1, Math.min(parallelism, items.size()));
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Thread t = Threads.platform("jmcp-loadtest-sessions-" + i, () -> {
                T item;
                while (!Thread.currentThread().isInterrupted() && (item = queue.poll()) != null) {
                    try {
                        task.accept(item);
                    } catch (RuntimeException e) {
                        // each task reports its own failures; one failing must not stop the others
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000L));
                }
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
    }
}
