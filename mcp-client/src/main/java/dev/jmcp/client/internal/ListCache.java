package dev.jmcp.client.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One cached server list (tools, prompts or resources). The first read loads it; a {@code list_changed}
 * notification reloads it at once; a failed load is forgotten so the next read tries again.
 *
 * @param <T> the item type
 */
public final class ListCache<T> {
    private final Supplier<CompletableFuture<List<T>>> loader;
    private CompletableFuture<List<T>> current;

    /** A cache that loads with {@code loader}. */
    public ListCache(Supplier<CompletableFuture<List<T>>> loader) {
        this.loader = loader;
    }

    /** The cached list, loading it if needed; cancelling the returned future does not cancel the load. */
    public synchronized CompletableFuture<List<T>> get() {
        if (current == null || current.isCompletedExceptionally() || current.isCancelled()) {
            current = load();
        }
        return current.copy();
    }

    /** Reloads after a change; only if the list was loaded before (nobody asked otherwise). */
    public synchronized void refresh() {
        if (current != null) {
            current = load();
        }
    }

    private CompletableFuture<List<T>> load() {
        return loader.get();
    }
}
