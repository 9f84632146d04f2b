package dev.jmcp.server;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One progress report of a handler ({@code notifications/progress}): how far it got, optionally out of a total and
 * with a message. Immutable.
 *
 * <pre>{@code
 * ctx.progress(Progress.of(50).total(100).message("half way"));
 * }</pre>
 */
public final class Progress {
    private final double progress;
    private final Double total;
    private final String message;

    private Progress(double progress, Double total, String message) {
        this.progress = progress;
        this.total = total;
        this.message = message;
    }

    /**
     * Progress {@code progress} with no total and no message.
     *
     * @param progress the progress
     * @return a progress update with only {@code progress} set
     */
    public static Progress of(double progress) {
        return new Progress(progress, null, null);
    }

    /**
     * This report with a total.
     *
     * @param total the total
     * @return this report with a total
     */
    public Progress total(double total) {
        return new Progress(progress, total, message);
    }

    /**
     * This report with a human-readable message.
     *
     * @param message the message
     * @return this report with a human-readable message
     */
    public Progress message(String message) {
        return new Progress(progress, total, message);
    }

    /**
     * How far the handler got.
     *
     * @return how far the handler got
     */
    public double progress() {
        return progress;
    }

    /**
     * The total, if known.
     *
     * @return the total, if known
     */
    public OptionalDouble total() {
        return total == null ? OptionalDouble.empty() : OptionalDouble.of(total);
    }

    /**
     * The message, if any.
     *
     * @return the message, if any
     */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }
}
