package dev.jmcp.loadtest.internal;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time for the engine; tests substitute a fake. */
public interface Clock {
    /** The system clock. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long left;
            while ((left = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(left, 50_000_000L));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    };

    /** The current monotonic time in nanoseconds. */
    long nanoTime();

    /** Sleeps until {@link #nanoTime()} reaches the deadline. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
