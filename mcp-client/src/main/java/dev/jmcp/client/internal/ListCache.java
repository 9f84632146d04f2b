package dev.jmcp.client.internal;

import dev.jmcp.core.protocol.CacheScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One cached server list (tools, prompts or resources). The first read loads it; a {@code list_changed}
 * notification reloads it at once; a failed load is forgotten so the next read tries again.
 *
 * <p>2026-07-28 caching hints: a list is fresh for the {@code ttlMs} the server gave (the smallest of its pages)
 * after it was received, then the next read loads it again; {@code ttlMs} 0 means stale at once (every read loads,
 * reads during a load share it). Without {@code ttlMs} (the handshake era) the list stays until
 * {@code list_changed}. {@link #forgetPrivate()} drops a list the server did not mark {@code cacheScope}
 * {@code public} (it may be reused only within the same authorization context).
 *
 * @param <T> the item type
 */
public final class ListCache<T> {
    /**
     * A loaded list with the server's caching hints.
     *
     * @param items the items of every page
     * @param ttlMs the smallest {@code ttlMs} of its pages, null when none gave one
     * @param scope {@code public} when every page said so, {@code private} when one did, null when none said
     */
    public record Listing<T>(List<T> items, Long ttlMs, CacheScope scope) {}

    private record Loaded<T>(Listing<T> listing, long receivedAt) {}

    private final Supplier<CompletableFuture<Listing<T>>> loader;
    private final LongSupplier clock;
    private CompletableFuture<Loaded<T>> current;

    /** A cache that loads with {@code loader}. */
    public ListCache(Supplier<CompletableFuture<Listing<T>>> loader) {
        this(loader, System::nanoTime);
    }

    /** A cache that loads with {@code loader} and reads time (nanoseconds) from {@code clock} (for tests). */
    public ListCache(Supplier<CompletableFuture<Listing<T>>> loader, LongSupplier clock) {
        this.loader = loader;
        this.clock = clock;
    }

    /** The cached list, loading it if needed; cancelling the returned future does not cancel the load. */
    public synchronized CompletableFuture<List<T>> get() {
        if (current == null || current.isCompletedExceptionally() || current.isCancelled() || expired()) {
            current = load();
        }
        return current.thenApply(l -> l.listing().items());
    }

    /** Reloads after a change; only if the list was loaded before (nobody asked otherwise). */
    public synchronized void refresh() {
        if (current != null) {
            current = load();
        }
    }

    /** Drops the list unless the server marked it {@code public} (the authorization context changed). */
    public synchronized void forgetPrivate() {
        if (current != null && !(current.isDone() && isPublic(current.getNow(null)))) {
            current = null;
        }
    }

    private static boolean isPublic(Loaded<?> l) {
        return l != null && l.listing().scope() == CacheScope.PUBLIC;
    }

    private boolean expired() {
        if (!current.isDone()) {
            return false; // a load in flight is shared
        }
        Loaded<T> l = current.getNow(null);
        Long ttl = l == null ? null : l.listing().ttlMs();
        return ttl != null && clock.getAsLong() - l.receivedAt() >= TimeUnit.MILLISECONDS.toNanos(ttl);
    }

    private CompletableFuture<Loaded<T>> load() {
        return loader.get().thenApply(listing -> new Loaded<>(listing, clock.getAsLong()));
    }
}
