package dev.jmcp.loadtest.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Executors for workers: virtual threads when the runtime has them (found by reflection), else a bounded pool. */
public final class Threads {
    private Threads() {}

    /** Whether this runtime has virtual threads. */
    public static boolean virtualThreadsAvailable() {
        return virtualFactory() != null;
    }

    private static Method virtualFactory() {
        try {
            return java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A thread per task: virtual, or platform daemon threads bounded to {@code maxThreads}. */
    public static ExecutorService workers(String name, int maxThreads) {
        Method m = virtualFactory();
        if (m != null) {
            try {
                return (ExecutorService) m.invoke(null);
            } catch (ReflectiveOperationException e) {
                // fall through to platform threads
            }
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                0, Math.max(1, maxThreads), 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    /** A platform daemon thread (for the scheduler and collector, which need timely wake-ups). */
    public static Thread platform(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
