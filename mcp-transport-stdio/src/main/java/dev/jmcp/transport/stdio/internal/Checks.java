package dev.jmcp.transport.stdio.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the stdio transport builders. */
public final class Checks {
    private Checks() {}

    /** {@code d}, if it is not null and not negative. */
    public static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    /** {@code value}, if it is positive. */
    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
