package dev.jmcp.core.internal;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Lets a transport that delivers a session's messages under its ordering lock hand the handlers they start to
 * their executor after it released that lock: between {@link #open()} and {@link #close()} on one thread, a
 * hand-off offered with {@link #defer} is recorded, and {@link #close()} executes them all, in order. On JDK 17 a
 * hand-off to a parked pool thread is an unpark (a system call); made under the session's lock, it lengthened the
 * lock's hold time for every connection of the session. Handlers run concurrently anyway, so when they start
 * within the same delivery does not change what they see. Not used on virtual threads (a thread-local there costs
 * an allocation per request, and their hand-off is cheap).
 */
public final class DeferredHandOffs {
    /** A handler hand-off: the task, and what to do when its executor rejects it. */
    public interface Task extends Runnable {
        /**
         * Called instead of running when the executor rejected the task.
         *
         * @param e the executor's rejection
         */
        void rejected(RuntimeException e);
    }

    private static final ThreadLocal<Scope> SCOPE = ThreadLocal.withInitial(Scope::new);

    private DeferredHandOffs() {}

    /**
     * Starts recording this thread's hand-offs, unless the thread is virtual or already recording.
     *
     * @return whether this call opened the scope (then call {@link #close()} in a {@code finally})
     */
    public static boolean open() {
        if (VirtualThreadCheck.current()) {
            return false;
        }
        Scope s = SCOPE.get();
        if (s.open) {
            return false;
        }
        s.open = true;
        return true;
    }

    /** Ends the scope {@link #open()} opened and executes the hand-offs recorded since, in order. */
    public static void close() {
        Scope s = SCOPE.get();
        s.open = false;
        int n = s.size;
        for (int i = 0; i < n; i++) {
            Executor executor = s.executors[i];
            Task task = s.tasks[i];
            s.executors[i] = null;
            s.tasks[i] = null;
            try {
                executor.execute(task);
            } catch (RuntimeException e) {
                task.rejected(e);
            }
        }
        s.size = 0;
    }

    /**
     * Records {@code task} for {@code executor} when this thread is inside a scope.
     *
     * @param executor the executor to hand the task to
     * @param task the task
     * @return false when the thread is not recording: the caller hands the task off itself
     */
    public static boolean defer(Executor executor, Task task) {
        if (VirtualThreadCheck.current()) {
            return false;
        }
        Scope s = SCOPE.get();
        if (!s.open) {
            return false;
        }
        if (s.size == s.tasks.length) {
            s.tasks = Arrays.copyOf(s.tasks, s.size * 2);
            s.executors = Arrays.copyOf(s.executors, s.size * 2);
        }
        s.executors[s.size] = executor;
        s.tasks[s.size++] = task;
        return true;
    }

    /**
     * Marks this thread, until {@link #endRequestThread()}, as a container's request thread that may run a
     * stateless handler itself (see {@code HandlerExecutors.beginRequestThread}); not on virtual threads.
     *
     * @return whether this call set the mark (then call {@link #endRequestThread()} in a {@code finally})
     */
    public static boolean beginRequestThread() {
        if (VirtualThreadCheck.current()) {
            return false;
        }
        Scope s = SCOPE.get();
        if (s.requestThread) {
            return false;
        }
        s.requestThread = true;
        return true;
    }

    /** Clears the mark {@link #beginRequestThread()} set. */
    public static void endRequestThread() {
        SCOPE.get().requestThread = false;
    }

    /**
     * Whether this thread is marked as a request thread by {@link #beginRequestThread()}.
     *
     * @return whether this thread is marked as a request thread
     */
    public static boolean onRequestThread() {
        return !VirtualThreadCheck.current() && SCOPE.get().requestThread;
    }

    private static final class Scope {
        boolean requestThread;
        boolean open;
        int size;
        Executor[] executors = new Executor[4];
        Task[] tasks = new Task[4];
    }
}
