package dev.jmcp.client.internal;

import dev.jmcp.core.McpException;
import dev.jmcp.core.protocol.CacheScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Follows {@code nextCursor} until the last page. Stops with an error when a cursor repeats or after
 * {@link #MAX_PAGES} pages, so a misbehaving server cannot loop the client forever.
 */
public final class Paginator {
    /** The most pages one listing follows. */
    public static final int MAX_PAGES = 10_000;

    private Paginator() {}

    /**
     * Fetches every page.
     *
     * @param page fetches the page at a cursor (null for the first)
     * @param items the items of a page
     * @param next the next cursor of a page, null on the last
     */
    public static <R, T> CallFuture<List<T>> all(
            Function<String, CallFuture<R>> page, Function<R, List<T>> items, Function<R, String> next) {
        CallFuture<List<T>> all = new CallFuture<>();
        fetch(all, page, items, next, null, new ArrayList<>(), new HashSet<>());
        return all;
    }

    /**
     * Fetches every page and folds the pages' 2026-07-28 caching hints ({@code ttlMs}, {@code cacheScope}) into
     * a {@link ListCache.Listing}.
     *
     * @param ttl the {@code ttlMs} of a page, null when absent
     * @param scope the {@code cacheScope} of a page, null when absent
     */
    public static <R, T> CompletableFuture<ListCache.Listing<T>> listing(
            Function<String, CallFuture<R>> page,
            Function<R, List<T>> items,
            Function<R, String> next,
            Function<R, Long> ttl,
            Function<R, CacheScope> scope) {
        Hints hints = new Hints();
        return all(
                        page,
                        r -> {
                            hints.add(ttl.apply(r), scope.apply(r));
                            return items.apply(r);
                        },
                        next)
                .thenApply(list -> new ListCache.Listing<>(list, hints.ttl, hints.scope));
    }

    /** The hints of the pages seen so far (pages arrive one after another). */
    private static final class Hints {
        private volatile Long ttl;
        private volatile CacheScope scope;
        private volatile boolean anyPrivate;

        void add(Long pageTtl, CacheScope pageScope) {
            if (pageTtl != null && pageTtl >= 0 && (ttl == null || pageTtl < ttl)) {
                ttl = pageTtl;
            }
            if (pageScope == CacheScope.PRIVATE) {
                anyPrivate = true;
            }
            if (pageScope != null) {
                scope = anyPrivate ? CacheScope.PRIVATE : pageScope;
            }
        }
    }

    private static <R, T> void fetch(
            CallFuture<List<T>> all,
            Function<String, CallFuture<R>> page,
            Function<R, List<T>> items,
            Function<R, String> next,
            String cursor,
            List<T> acc,
            Set<String> seen) {
        CallFuture<R> f = page.apply(cursor);
        all.track(f);
        f.whenComplete((r, err) -> {
            if (all.isDone()) {
                return;
            }
            if (err != null) {
                all.completeExceptionally(ClientRuntime.unwrap(err));
                return;
            }
            acc.addAll(items.apply(r));
            String nextCursor = next.apply(r);
            if (nextCursor == null) {
                all.complete(List.copyOf(acc));
            } else if (!seen.add(nextCursor)) {
                all.completeExceptionally(new McpException("the server repeated cursor " + nextCursor));
            } else if (seen.size() >= MAX_PAGES) {
                all.completeExceptionally(new McpException("more than " + MAX_PAGES + " pages; giving up"));
            } else {
                fetch(all, page, items, next, nextCursor, acc, seen);
            }
        });
    }
}
