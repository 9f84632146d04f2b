package dev.jmcp.core.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The JDK 17 handler pool: up to {@code max} daemon threads, handed tasks directly, the most recently idle thread
 * first (a LIFO stack of idle workers), queueing only when all {@code max} threads are busy.
 *
 * <p>Why not a {@code ThreadPoolExecutor} over a {@code LinkedTransferQueue}: that wakes the longest-idle thread
 * (its caches cold, and every thread of the pool kept cycling), allocates a queue node per hand-off and always
 * parks the idle thread. Here a submission pops the worker that went idle last, writes the task into that worker's
 * own slot and unparks it; a worker that just finished spins briefly on its slot before it parks ({@code spins}
 * iterations of {@link Thread#onSpinWait()}, none on a single CPU), so under load many hand-offs need no park and
 * unpark at all. Idle threads end after {@code keepAliveNanos}; with the LIFO order only the threads that the
 * load no longer needs sit idle long enough to end. No thread is started while an idle one exists.
 */
public final class HandlerPool implements Executor {
    private final int max;
    private final long keepAliveNanos;
    private final int spins;
    private final ThreadFactory factory;

    /** Guards the idle stack, the overflow queue and the counts; held for a few field writes only. */
    private final Object lock = new Object();

    private Worker[] idle = new Worker[8];
    private int idleCount;
    private final ArrayDeque<Runnable> overflow = new ArrayDeque<>();
    private int threads;
    private int largestThreads;
    private boolean shutdown;

    /**
     * A pool of at most {@code max} threads.
     *
     * @param max the most threads running at once; tasks beyond that wait in an unbounded queue
     * @param keepAliveNanos how long an idle thread waits for a task before it ends
     * @param spins how many {@link Thread#onSpinWait()} iterations an idle thread polls its slot before it parks
     * @param factory makes the pool's threads (daemon threads, normally)
     */
    public HandlerPool(int max, long keepAliveNanos, int spins, ThreadFactory factory) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.max = max;
        this.keepAliveNanos = keepAliveNanos;
        this.spins = Math.max(0, spins);
        this.factory = factory;
    }

    /**
     * Hands {@code task} to the most recently idle thread, else to a new thread (up to the maximum), else queues it.
     *
     * @param task the task to run
     * @throws RejectedExecutionException after {@link #shutdown()}
     */
    @Override
    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        Worker handed;
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("handler pool is shut down");
            }
            if (idleCount > 0) {
                handed = idle[--idleCount];
                idle[idleCount] = null;
                handed.slot = task; // under the lock: a worker that finds itself off the stack has its task
            } else if (threads < max) {
                threads++;
                largestThreads = Math.max(largestThreads, threads);
                handed = null;
            } else {
                overflow.add(task); // every thread is busy: the first to finish takes it
                return;
            }
        }
        if (handed != null) {
            if (handed.parked) {
                LockSupport.unpark(handed.thread);
            }
            return;
        }
        start(task);
    }

    private void start(Runnable first) {
        Worker w = new Worker();
        Thread t;
        try {
            t = factory.newThread(() -> w.run(first));
            w.thread = t;
            t.start();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                threads--;
            }
            throw e;
        }
    }

    /**
     * The threads alive now (for tests and metrics).
     *
     * @return the threads alive now
     */
    public int threads() {
        synchronized (lock) {
            return threads;
        }
    }

    /**
     * The most threads that were alive at once (for tests).
     *
     * @return the most threads that were alive at once
     */
    public int largestThreads() {
        synchronized (lock) {
            return largestThreads;
        }
    }

    /**
     * The tasks waiting for a thread (for tests and metrics).
     *
     * @return the tasks waiting for a thread
     */
    public int queued() {
        synchronized (lock) {
            return overflow.size();
        }
    }

    /**
     * The threads waiting for a task (for tests and metrics).
     *
     * @return the threads waiting for a task
     */
    public int idleThreads() {
        synchronized (lock) {
            return idleCount;
        }
    }

    /** Rejects new tasks, drops the queued ones and lets idle threads end; running tasks finish (for tests). */
    public void shutdown() {
        Worker[] toWake;
        synchronized (lock) {
            shutdown = true;
            overflow.clear();
            toWake = java.util.Arrays.copyOf(idle, idleCount);
        }
        for (Worker w : toWake) {
            LockSupport.unpark(w.thread);
        }
    }

    private final class Worker {
        volatile Thread thread;
        /** The task handed to this worker while it was on the idle stack; written under the pool's lock. */
        volatile Runnable slot;
        /** Whether the worker is (about to be) parked, so that a hand-off needs an unpark. */
        volatile boolean parked;

        void run(Runnable first) {
            if (thread == null) {
                thread = Thread.currentThread();
            }
            Runnable task = first;
            while (task != null) {
                runTask(task);
                task = next();
            }
        }

        private void runTask(Runnable task) {
            Thread.interrupted(); // a cancellation that came after the last task returned is not for this one
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                Thread t = Thread.currentThread();
                try {
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                } catch (RuntimeException | Error ignored) {
                    // the handler failed too; keep the thread
                }
            }
        }

        /** The next task, or null when the thread should end (idle for the keep-alive, or shut down). */
        private Runnable next() {
            synchronized (lock) {
                Runnable queued = overflow.poll();
                if (queued != null) {
                    return queued;
                }
                if (shutdown) {
                    threads--;
                    return null;
                }
                slot = null;
                parked = false;
                if (idleCount == idle.length) {
                    idle = java.util.Arrays.copyOf(idle, idleCount * 2);
                }
                idle[idleCount++] = this;
            }
            for (int i = 0; i < spins; i++) {
                Runnable handed = slot;
                if (handed != null) {
                    return handed;
                }
                Thread.onSpinWait();
            }
            long deadline = System.nanoTime() + keepAliveNanos;
            while (true) {
                parked = true; // a submitter that pops this worker from here on unparks it
                Runnable handed = slot;
                if (handed != null) {
                    parked = false;
                    return handed;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || shutdown) {
                    synchronized (lock) {
                        if (slot == null && removeIdle(this)) {
                            threads--;
                            return null;
                        }
                    }
                    // popped (its task is in the slot) or shut down while popped: take the task
                    continue;
                }
                Thread.interrupted(); // a stale interrupt would make every park return at once
                LockSupport.parkNanos(HandlerPool.this, left);
            }
        }
    }

    private boolean removeIdle(Worker w) {
        for (int i = idleCount - 1; i >= 0; i--) {
            if (idle[i] == w) {
                System.arraycopy(idle, i + 1, idle, i, idleCount - i - 1);
                idle[--idleCount] = null;
                return true;
            }
        }
        return false;
    }
}
