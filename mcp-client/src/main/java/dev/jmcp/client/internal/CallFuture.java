package dev.jmcp.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The future of one client call, which may span several wire requests (the rounds of an {@code input_required}
 * exchange). Cancelling it cancels the wire request in flight, so the session sends {@code notifications/cancelled}.
 *
 * @param <T> the result type
 */
public final class CallFuture<T> extends CompletableFuture<T> {
    private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();

    /** Records the wire request now in flight; cancels it at once if this call was already cancelled. */
    void track(CompletableFuture<?> request) {
        inFlight.set(request);
        if (isCancelled()) {
            request.cancel(true);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            CompletableFuture<?> current = inFlight.get();
            if (current != null) {
                current.cancel(true);
            }
        }
        return cancelled;
    }
}
