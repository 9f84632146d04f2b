package dev.jmcp.server.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of running handlers, watched by one shared daemon thread ({@code jmcp-handler-deadlines}).
 *
 * <p>Made for many short registrations that almost never expire: registering is one insert into a concurrent set
 * and cancelling one removal, with no lock, no heap and, in steady state, no wake-up of the watcher (a {@code
 * ScheduledThreadPoolExecutor} takes its lock and a heap insert and removal per call, and signals its thread each
 * time its queue goes from empty to one entry, i.e. on every call of a server that answers one request at a time).
 * The watcher sleeps until the earliest deadline it saw (at most {@link #IDLE_NANOS}); a registration wakes it
 * only when its deadline is earlier than that (a timeout shorter than the others) or the watcher ended. An expiry is handed to {@code onExpiry},
 * which must only hand work to an executor: it runs on the watcher thread. The watcher thread ends after
 * {@link #IDLE_NANOS} without registrations and starts again on the next one.
 */
final class HandlerDeadlines {
    /** The shared instance. */
    static final HandlerDeadlines SHARED = new HandlerDeadlines();

    /** How long the watcher waits without any deadline before its thread ends. */
    static final long IDLE_NANOS = 10_000_000_000L;

    private static final long ASLEEP = Long.MAX_VALUE;

    private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
    /** Registrations so far: the watcher ends only after {@link #IDLE_NANOS} without any. */
    private final LongAdder registrations = new LongAdder();

    private final Object threadLock = new Object();
    /** When the watcher wakes next ({@link #ASLEEP}: not before someone wakes it); read by registrations. */
    private volatile long nextWake = ASLEEP;

    private volatile Thread watcher;

    /** A registered deadline; {@link #cancel()} it when the handler returns. */
    static final class Deadline {
        private final HandlerDeadlines owner;
        private final long at;
        private final Runnable onExpiry;

        private Deadline(HandlerDeadlines owner, long at, Runnable onExpiry) {
            this.owner = owner;
            this.at = at;
            this.onExpiry = onExpiry;
        }

        /** Forgets the deadline; a no-op after it expired. */
        void cancel() {
            owner.deadlines.remove(this);
        }
    }

    /** Runs {@code onExpiry} on the watcher thread once {@code timeoutNanos} passed, unless cancelled first. */
    Deadline register(long timeoutNanos, Runnable onExpiry) {
        long now = System.nanoTime();
        Deadline d = new Deadline(this, now + Math.max(0, timeoutNanos), onExpiry);
        deadlines.add(d);
        registrations.increment();
        long planned = nextWake;
        if (planned == ASLEEP || d.at - planned < 0) {
            wake();
        }
        return d;
    }

    /** The number of registered deadlines (for tests). */
    int size() {
        return deadlines.size();
    }

    private void wake() {
        // under the lock: a watcher that is about to end checks for deadlines under it too
        synchronized (threadLock) {
            if (watcher == null) {
                Thread started = new Thread(this::watch, "jmcp-handler-deadlines");
                started.setDaemon(true);
                watcher = started;
                started.start();
            } else {
                LockSupport.unpark(watcher);
            }
        }
    }

    private void watch() {
        long idleSince = System.nanoTime();
        long seen = registrations.sum();
        while (true) {
            // registrations from here on wake the thread (an unpark of a running thread only makes the next park
            // return at once), so that none is missed between the scan and the park
            nextWake = ASLEEP;
            long now = System.nanoTime();
            long earliest = 0;
            boolean any = false;
            for (Deadline d : deadlines) {
                if (d.at - now <= 0) {
                    if (deadlines.remove(d)) {
                        try {
                            d.onExpiry.run();
                        } catch (RuntimeException e) {
                            // onExpiry only hands work to an executor; a rejected hand-off must not stop the watcher
                        }
                    }
                } else if (!any || d.at - earliest < 0) {
                    earliest = d.at;
                    any = true;
                }
            }
            long registered = registrations.sum();
            if (any || registered != seen) {
                seen = registered;
                idleSince = now;
            }
            if (any) {
                nextWake = earliest;
                LockSupport.parkNanos(this, earliest - now);
            } else {
                if (now - idleSince >= IDLE_NANOS) {
                    synchronized (threadLock) {
                        if (deadlines.isEmpty()) {
                            watcher = null; // the next registration starts a new thread
                            return;
                        }
                    }
                    continue;
                }
                // until then, registrations whose deadline comes later need not wake it
                nextWake = idleSince + IDLE_NANOS;
                LockSupport.parkNanos(this, idleSince + IDLE_NANOS - now);
            }
        }
    }
}
