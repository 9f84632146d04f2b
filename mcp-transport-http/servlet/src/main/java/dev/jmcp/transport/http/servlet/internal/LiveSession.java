package dev.jmcp.transport.http.servlet.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session in the registry: its transport, the quota slot it holds, whether the client has used it since {@code
 * initialize} (until then it expires after the short initialization timeout), and its pending expiry check.
 */
final class LiveSession {
    final ServerTransport transport;
    final String quotaKey;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean used;
    private volatile ScheduledFuture<?> expiryCheck;

    LiveSession(ServerTransport transport, String quotaKey) {
        this.transport = transport;
        this.quotaKey = quotaKey;
    }

    /** Notes that the client used the session after {@code initialize}: a volatile read once it is known. */
    void markUsed() {
        if (!used) {
            used = true;
        }
    }

    boolean isUsed() {
        return used;
    }

    /** Sets the pending expiry check; cancels it at once if the session already left. */
    void expiryCheck(ScheduledFuture<?> check) {
        this.expiryCheck = check;
        if (check != null && released.get()) {
            check.cancel(false);
        }
    }

    /** True exactly once: the caller gives back the slot and cancels the pending check. */
    boolean release() {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> check = expiryCheck;
        if (check != null) {
            check.cancel(false);
        }
        return true;
    }
}
