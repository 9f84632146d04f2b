package dev.jmcp.transport.http.servlet.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes queued for slow connections: at most {@code perStream} for one response and {@code total} for all
 * responses of one servlet together. A writer whose chunk would cross either bound while it already has bytes
 * queued (it is the slow one) closes its connection; its events stay in the event store, so the client can
 * resume. Thread-safe.
 */
public final class WriteBudget {
    private final long perStream;
    private final long total;
    private final AtomicLong queued = new AtomicLong();

    /**
     * @param perStream the most bytes queued for one response
     * @param total the most bytes queued for all responses together
     */
    public WriteBudget(long perStream, long total) {
        if (perStream <= 0 || total <= 0) {
            throw new IllegalArgumentException("write budgets must be positive");
        }
        this.perStream = perStream;
        this.total = total;
    }

    /** The most bytes queued for one response. */
    public long perStream() {
        return perStream;
    }

    /** The most bytes queued for all responses together. */
    public long total() {
        return total;
    }

    /** Bytes queued right now over all responses. */
    public long queued() {
        return queued.get();
    }

    /** Takes {@code bytes} from the shared budget; false (nothing taken) when it would cross the total. */
    boolean tryTake(long bytes) {
        while (true) {
            long now = queued.get();
            if (now + bytes > total) {
                return false;
            }
            if (queued.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Takes {@code bytes} regardless of the total (a chunk of a writer that has nothing queued). */
    void take(long bytes) {
        queued.addAndGet(bytes);
    }

    /** Gives {@code bytes} back. */
    void release(long bytes) {
        if (bytes != 0) {
            queued.addAndGet(-bytes);
        }
    }
}
