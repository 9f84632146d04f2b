package dev.jmcp.core.session;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executors jmcp runs user code on when the application supplies none.
 *
 * <p>On JDK 21 and later: a virtual thread per task. On JDK 17: a bounded pool of daemon threads that time out
 * when idle, so nothing is left running once the work is done. jmcp never shuts down an executor the
 * application supplied.
 */
public final class HandlerExecutors {
    /** Threads of the JDK 17 handler pool. */
    public static final int PLATFORM_POOL_SIZE =
            Math.max(16, Runtime.getRuntime().availableProcessors() * 8);

    private static final Executor VIRTUAL = virtualPerTask();
    private static final Executor HANDLERS =
            VIRTUAL != null ? VIRTUAL : platformPool("jmcp-handler", PLATFORM_POOL_SIZE);
    private static final Executor DELIVERY =
            VIRTUAL != null ? VIRTUAL : platformPool("jmcp-delivery", Integer.MAX_VALUE);

    private HandlerExecutors() {}

    /**
     * Whether the current thread is a virtual thread (always {@code false} before JDK 21).
     *
     * @return whether the calling thread is virtual
     */
    public static boolean onVirtualThread() {
        return dev.jmcp.core.internal.VirtualThreadCheck.current();
    }

    /**
     * Whether this runtime has virtual threads (JDK 21+).
     *
     * @return {@code true} if this runtime has virtual threads (JDK 21+)
     */
    public static boolean virtualThreadsAvailable() {
        return VIRTUAL != null;
    }

    /**
     * The shared default executor for request handlers.
     *
     * @return the shared default executor for request handlers
     */
    public static Executor handlers() {
        return HANDLERS;
    }

    /**
     * The shared executor for short delivery tasks (responses, notifications, progress). Unbounded on JDK 17,
     * so a handler pool full of blocked handlers can never starve the delivery of the answers they wait for.
     *
     * @return the shared executor for short delivery tasks (responses, notifications, progress)
     */
    public static Executor delivery() {
        return DELIVERY;
    }

    /**
     * Runs {@code task} (a transport handing over a message it received on a thread that has nothing else to do),
     * then runs on this thread the session deliveries it started, instead of handing them to {@link #delivery()}:
     * one thread hand-off less per answer. Only for threads that may run application callbacks (never a shared
     * reader loop whose stall would hold up other messages).
     *
     * @param task the work that hands a received message to its session
     */
    public static void deliverInline(Runnable task) {
        dev.jmcp.core.internal.InlineDelivery.run(task);
    }

    /**
     * Starts deferring the handler hand-offs of the session deliveries this thread makes until {@link
     * #endDeferredHandOffs()}: for a transport that delivers a session's messages under its ordering lock, so that
     * the hand-offs (on JDK 17 an unpark of a pool thread, a system call) happen after it released the lock. Does
     * nothing on a virtual thread or when this thread already defers.
     *
     * @return whether this call started deferring; if so, call {@link #endDeferredHandOffs()} in a {@code finally}
     */
    public static boolean beginDeferredHandOffs() {
        return dev.jmcp.core.internal.DeferredHandOffs.open();
    }

    /**
     * Hands off, in order, the handlers deferred since {@link #beginDeferredHandOffs()} returned true.
     */
    public static void endDeferredHandOffs() {
        dev.jmcp.core.internal.DeferredHandOffs.close();
    }

    /**
     * Marks this thread, until {@link #endRequestThread()}, as a container's request thread with nothing else to do
     * while it delivers one stateless exchange: a thread on which a stateless handler may run inline when the
     * server's policy allows it (see {@code McpServer.Builder.handlerExecution}). Never mark a shared reader loop.
     * Does nothing on a virtual thread.
     *
     * @return whether this call set the mark; if so, call {@link #endRequestThread()} in a {@code finally}
     */
    public static boolean beginRequestThread() {
        return dev.jmcp.core.internal.DeferredHandOffs.beginRequestThread();
    }

    /** Clears the mark {@link #beginRequestThread()} set. */
    public static void endRequestThread() {
        dev.jmcp.core.internal.DeferredHandOffs.endRequestThread();
    }

    /**
     * Whether this thread is inside {@link #beginRequestThread()}.
     *
     * @return whether this thread is a marked request thread
     */
    public static boolean onRequestThread() {
        return dev.jmcp.core.internal.DeferredHandOffs.onRequestThread();
    }

    /**
     * Runs {@code task} after {@code delayNanos} on jmcp's one shared timer thread (for short tasks that complete
     * futures or close streams, never user code): a timer that starts no thread per task, unlike
     * {@code CompletableFuture.delayedExecutor} on 1-2 CPU machines.
     *
     * @param task a short task that never blocks
     * @param delayNanos the delay in nanoseconds
     * @return the pending task; cancelling it keeps the task from running
     */
    public static java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return dev.jmcp.core.internal.Timers.schedule(task, delayNanos);
    }

    /**
     * Starts a thread running {@code task}: virtual where available, else a daemon platform thread.
     *
     * @param name the thread's name
     * @param task what the thread runs
     * @return the started thread
     */
    public static Thread startThread(String name, Runnable task) {
        if (VIRTUAL != null) {
            try {
                Method ofVirtual = Thread.class.getMethod("ofVirtual");
                Object builder = ofVirtual.invoke(null);
                Method nameM = builder.getClass().getMethod("name", String.class);
                nameM.setAccessible(true);
                Object named = nameM.invoke(builder, name);
                Method start = named.getClass().getMethod("start", Runnable.class);
                start.setAccessible(true);
                return (Thread) start.invoke(named, task);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to a platform thread
            }
        }
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Executor virtualPerTask() {
        try {
            Method m = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Executor platformPool(String prefix, int max) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        if (max == Integer.MAX_VALUE) {
            return new ThreadPoolExecutor(
                    0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), factory);
        }
        return scalingPool(max, factory);
    }

    /**
     * A pool that hands a task to an idle thread when there is one, starts a new thread (up to {@code max}) only
     * when there is none, and queues beyond that. A plain fixed pool would start all {@code max} threads under
     * the lightest concurrent load, one per submission, even with idle threads waiting. Threads time out after
     * 30 s idle.
     */
    static ThreadPoolExecutor scalingPool(int max, ThreadFactory factory) {
        HandOffQueue queue = new HandOffQueue();
        return new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, queue, factory, (task, pool) -> {
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("handler pool is shut down");
            }
            queue.enqueue(task); // every thread is busy: wait for one
        });
    }

    /** Offers succeed only as a direct hand-off to a waiting thread, so the pool grows before it queues. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
