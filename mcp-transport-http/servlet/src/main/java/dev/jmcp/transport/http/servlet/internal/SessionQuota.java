package dev.jmcp.transport.http.servlet.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The session slots of one endpoint: a bound on all sessions and legacy connections together, and a bound per
 * caller (a principal, or a client address for unauthenticated callers). A slot is reserved atomically before a
 * session exists, so concurrent {@code initialize} requests cannot overshoot either bound, and released once when
 * the session closes.
 */
final class SessionQuota {
    private final int max;
    private final int maxPerCaller;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perCaller = new ConcurrentHashMap<>();

    SessionQuota(int max, int maxPerCaller) {
        this.max = max;
        this.maxPerCaller = maxPerCaller;
    }

    /** Reserves a slot for {@code caller}; null when reserved, else why not. */
    SessionRefusal tryAcquire(String caller) {
        int n;
        do {
            n = total.get();
            if (n >= max) {
                return SessionRefusal.SERVER_FULL;
            }
        } while (!total.compareAndSet(n, n + 1));
        boolean[] granted = new boolean[1];
        perCaller.compute(caller, (k, held) -> {
            int count = held == null ? 0 : held;
            if (count >= maxPerCaller) {
                return held;
            }
            granted[0] = true;
            return count + 1;
        });
        if (!granted[0]) {
            total.decrementAndGet();
            return SessionRefusal.CALLER_FULL;
        }
        return null;
    }

    /** Gives back a slot {@link #tryAcquire} reserved for {@code caller}. */
    void release(String caller) {
        perCaller.computeIfPresent(caller, (k, held) -> held <= 1 ? null : held - 1);
        total.decrementAndGet();
    }

    /** The slots in use. */
    int inUse() {
        return total.get();
    }

    /** How many callers hold slots (callers without any are forgotten). */
    int callers() {
        return perCaller.size();
    }
}
