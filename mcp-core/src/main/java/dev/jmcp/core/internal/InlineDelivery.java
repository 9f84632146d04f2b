package dev.jmcp.core.internal;

import java.util.ArrayDeque;

/**
 * Lets a thread that has nothing else to do (a transport's per-exchange worker whose answer just arrived) run the
 * session deliveries its message started itself, instead of handing them to another thread: inside {@link #run},
 * a {@link SerialExecutor} that would start draining on its delegate defers the drain to this thread, which runs it
 * after the task returned, outside any lock the task held. Order and one-at-a-time delivery are unchanged (the
 * serial executor stays marked running until the deferred drain ends).
 */
public final class InlineDelivery {
    private static final ThreadLocal<ArrayDeque<Runnable>> DEFERRED = new ThreadLocal<>();

    private InlineDelivery() {}

    /** Runs {@code task}, then on this same thread every drain it deferred; nested calls just run the task. */
    public static void run(Runnable task) {
        if (DEFERRED.get() != null) {
            task.run();
            return;
        }
        ArrayDeque<Runnable> deferred = new ArrayDeque<>(2);
        DEFERRED.set(deferred);
        try {
            task.run();
        } finally {
            DEFERRED.remove();
            Runnable next;
            while ((next = deferred.poll()) != null) {
                next.run();
            }
        }
    }

    /** Defers {@code drain} to the end of the current {@link #run}; false when the thread is not inside one. */
    static boolean defer(Runnable drain) {
        ArrayDeque<Runnable> deferred = DEFERRED.get();
        if (deferred == null) {
            return false;
        }
        deferred.add(drain);
        return true;
    }
}
