package dev.jmcp.transport.http.servlet.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session in the registry: its transport, the quota slot it holds, whether the client has used it since {@code
 * initialize} (until then it expires after the short initialization timeout), and its pending expiry check.
 *
 * <p>A request hands its messages or its connection to the transport between {@link #enter()} and {@link
 * #exit()}; {@link #close()} (DELETE, expiry, shutdown) waits for such hand-overs to finish and refuses new ones,
 * so a request either sees the session closed (and gets 404) or reaches the transport before the close, which then
 * ends its stream. Two atomic operations per request, no lock.
 */
public final class LiveSession {
    private static final long MAX_CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerTransport transport;
    private final String quotaKey;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicInteger entered = new AtomicInteger();
    private volatile boolean closing;
    private volatile boolean used;
    private volatile boolean terminated;
    private volatile ScheduledFuture<?> expiryCheck;

    LiveSession(ServerTransport transport, String quotaKey) {
        this.transport = transport;
        this.quotaKey = quotaKey;
    }

    /** The session's transport. */
    public ServerTransport transport() {
        return transport;
    }

    String quotaKey() {
        return quotaKey;
    }

    /**
     * Starts handing a request to the transport; false (and nothing to {@link #exit()}) when the session is closing
     * or closed.
     */
    public boolean enter() {
        entered.incrementAndGet();
        if (closing || transport.isClosed()) {
            entered.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Ends a hand-over {@link #enter()} started. */
    public void exit() {
        entered.decrementAndGet();
    }

    /** Closes the session once the hand-overs in progress are done (waiting at most a second for them). */
    public void close() {
        closing = true;
        long deadline = System.nanoTime() + MAX_CLOSE_WAIT_NANOS;
        while (entered.get() > 0 && System.nanoTime() - deadline < 0) {
            Thread.yield();
        }
        if (terminated) {
            transport.terminate();
        } else {
            transport.close();
        }
    }

    /** The client ended the session (DELETE): closed like {@link #close()}, and forgotten in shared stores. */
    void terminate() {
        terminated = true;
        close();
    }

    /** Whether the client ended the session (rather than this instance releasing it). */
    boolean isTerminated() {
        return terminated;
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
