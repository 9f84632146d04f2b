package dev.jmcp.server.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpRpcException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The server-wide bulkhead around user handlers (tools, prompts, resource reads): at most {@code permits} run at
 * once, over every session and every stateless exchange of the server. A handler waits up to {@code maxWait} for
 * a slot; past that its request is answered {@link ErrorCodes#SERVER_BUSY} ({@code -32010}) without running, so a
 * flood of slow calls cannot make everyone else's wait unbounded. Thread-safe.
 */
public final class HandlerBulkhead {
    /** Default number of handlers running at once, server-wide. */
    public static final int DEFAULT_MAX_CONCURRENT_HANDLERS = 1024;
    /** Default longest wait for a handler slot. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    private final int permits;
    private final Duration maxWait;
    private final Semaphore slots;

    /** A bulkhead of {@code permits} slots; a caller waits at most {@code maxWait} for one. */
    public HandlerBulkhead(int permits, Duration maxWait) {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        this.permits = permits;
        this.maxWait = maxWait;
        this.slots = new Semaphore(permits, true);
    }

    /**
     * Runs {@code work} in a slot.
     *
     * @throws McpRpcException ({@code -32010}) when no slot freed up within the wait
     * @throws InterruptedException when the request was cancelled while waiting
     */
    <T> T run(HandlerTimeout.Work<T> work) throws Exception {
        if (!slots.tryAcquire() && !slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new McpRpcException(
                    ErrorCodes.SERVER_BUSY,
                    "server busy: all " + permits + " handler slots stayed taken for " + maxWait.toMillis() + " ms");
        }
        try {
            return work.run();
        } finally {
            slots.release();
        }
    }

    /** The slots free now (for tests and metrics). */
    public int available() {
        return slots.availablePermits();
    }
}
