package dev.jmcp.testsupport;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling for conditions a test cannot await with a latch or a future (a count kept by the code under
 * test, a thread that must end). Every wait has a limit and fails with an {@link AssertionError} naming what
 * was awaited; a poll never passes by timing out.
 */
public final class Poll {
    /** The default limit: generous, because CI machines are slow and busy. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    private static final long INTERVAL_MILLIS = 5;

    private Poll() {}

    /** Waits until {@code condition} holds, for at most {@link #DEFAULT_LIMIT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT_LIMIT);
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @throws AssertionError when it does not hold within {@code limit}, or the thread is interrupted
     */
    public static void until(String what, BooleanSupplier condition, Duration limit) {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            pause();
        }
    }

    /**
     * Waits until {@code value} yields something {@code accepted}, and returns it.
     *
     * @throws AssertionError naming the last value seen when none is accepted within {@code limit}
     */
    public static <T> T value(String what, Supplier<T> value, Predicate<? super T> accepted, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = value.get();
        while (!accepted.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + " (last: " + last + ")");
            }
            pause();
            last = value.get();
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
