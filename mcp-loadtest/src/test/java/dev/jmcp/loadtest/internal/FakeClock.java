package dev.jmcp.loadtest.internal;

/** A clock that only moves when told to, or when someone sleeps (then it jumps to the deadline). */
final class FakeClock implements Clock {
    long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        if (deadlineNanos > now) {
            now = deadlineNanos;
        }
    }

    void advance(long nanos) {
        now += nanos;
    }
}
