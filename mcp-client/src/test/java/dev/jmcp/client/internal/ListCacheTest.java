package dev.jmcp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.protocol.CacheScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link ListCache} against a fake clock: {@code ttlMs} expiry, shared loads, {@code cacheScope}. */
class ListCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private ListCache<String> cache(Long ttlMs, CacheScope scope) {
        return new ListCache<>(
                () -> {
                    loads.incrementAndGet();
                    return CompletableFuture.completedFuture(new ListCache.Listing<>(List.of("a"), ttlMs, scope));
                },
                now::get);
    }

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void aListIsFreshForTtlMsAfterItWasReceived() {
        ListCache<String> c = cache(1000L, CacheScope.PRIVATE);
        c.get().join();
        advanceMillis(999);
        c.get().join();
        assertThat(loads).hasValue(1);
        advanceMillis(1);
        assertThat(c.get().join()).containsExactly("a");
        assertThat(loads).hasValue(2);
    }

    @Test
    void withoutTtlMsAListNeverExpires() {
        ListCache<String> c = cache(null, null);
        c.get().join();
        advanceMillis(TimeUnit.DAYS.toMillis(30));
        c.get().join();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aLoadInFlightIsSharedEvenWithZeroTtl() {
        CompletableFuture<ListCache.Listing<String>> pending = new CompletableFuture<>();
        ListCache<String> c = new ListCache<>(
                () -> {
                    loads.incrementAndGet();
                    return pending;
                },
                now::get);
        CompletableFuture<List<String>> first = c.get();
        CompletableFuture<List<String>> second = c.get();
        pending.complete(new ListCache.Listing<>(List.of("x"), 0L, CacheScope.PUBLIC));
        assertThat(first.join()).containsExactly("x");
        assertThat(second.join()).containsExactly("x");
        assertThat(loads).hasValue(1);
    }

    @Test
    void forgetPrivateKeepsOnlyPublicLists() {
        ListCache<String> pub = cache(60_000L, CacheScope.PUBLIC);
        ListCache<String> unscoped = cache(60_000L, null);
        pub.get().join();
        unscoped.get().join();
        pub.forgetPrivate();
        unscoped.forgetPrivate();
        pub.get().join();
        unscoped.get().join();
        assertThat(loads).hasValue(3); // the unscoped list is treated as private
    }
}
