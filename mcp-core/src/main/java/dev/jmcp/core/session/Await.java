package dev.jmcp.core.session;

import dev.jmcp.core.McpCancelledException;
import dev.jmcp.core.McpException;
import dev.jmcp.core.McpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking waits on jmcp futures, for the blocking APIs. */
public final class Await {
    private Await() {}

    /**
     * Waits for {@code future} at most {@code timeout}. Unwraps failures into their {@link McpException}. On
     * interrupt or timeout the future is cancelled (which cancels a pending request at the peer) and, on
     * interrupt, the interrupt flag is set again.
     *
     * @param <T> the type of the future's value
     * @param future the future to wait for, typically of an outbound request
     * @param timeout the longest time to wait
     * @return the future's value
     */
    public static <T> T result(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new McpCancelledException("interrupted while waiting");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new McpTimeoutException("no answer within " + timeout.toMillis() + " ms", timeout);
        } catch (CancellationException e) {
            throw new McpCancelledException("cancelled");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * The {@link McpException} behind a future's failure, wrapping anything else.
     *
     * @param t the failure of a future, possibly wrapped in a {@code CompletionException} or {@code ExecutionException}
     * @return the {@link McpException} behind a future's failure, wrapping anything else
     */
    public static McpException unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof McpException m) {
            return m;
        }
        if (t instanceof CancellationException) {
            return new McpCancelledException("cancelled");
        }
        return new McpException(
                t.getMessage() != null ? t.getMessage() : t.getClass().getName(), t);
    }
}
