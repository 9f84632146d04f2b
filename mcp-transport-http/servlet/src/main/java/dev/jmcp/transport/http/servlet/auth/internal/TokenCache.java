package dev.jmcp.transport.http.servlet.auth.internal;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.common.OAuthException;
import dev.jmcp.transport.http.servlet.auth.TokenValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers validation outcomes by token (keyed by its SHA-256, never the token itself): a success until the
 * positive TTL or the token's expiry, whichever comes first; a refusal for the negative TTL. Bounded in entries
 * (least recently used evicted). Concurrent validations of one token share one call (single flight), so a flood of
 * requests with the same token reaches the validator once per TTL.
 */
public final class TokenCache {
    private record Entry(AuthInfo info, OAuthException refusal, Instant expiresAt) {}

    /** A refusal that says nothing about the token (the validator's back end failed): never cached. */
    public static final class TransientFailure extends TokenValidationException {
        private static final long serialVersionUID = 1L;

        /** A failure saying why, with its cause. */
        public TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Duration positiveTtl;
    private final Duration negativeTtl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries;
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

    /** A cache; a zero TTL disables that side; {@code maxEntries} bounds the memory. */
    public TokenCache(Duration positiveTtl, Duration negativeTtl, int maxEntries, Clock clock) {
        this.positiveTtl = positiveTtl;
        this.negativeTtl = negativeTtl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > TokenCache.this.maxEntries;
            }
        };
    }

    /**
     * The cached outcome for {@code token}, else {@code validator}'s (cached when it is a success or an {@link
     * OAuthException} refusal; a {@link TransientFailure} and other exceptions are not cached).
     */
    public AuthInfo validate(String token, Function<String, AuthInfo> validator) {
        String key = key(token);
        Entry cached = lookup(key);
        if (cached != null) {
            return outcome(cached);
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return outcome(running.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Entry entry = lookup(key); // another caller may have finished between the lookup and putIfAbsent
            if (entry != null) {
                mine.complete(entry);
                return outcome(entry);
            }
            try {
                AuthInfo info = validator.apply(token);
                entry = new Entry(info, null, positiveExpiry(info));
            } catch (TransientFailure e) {
                throw e;
            } catch (OAuthException refusal) {
                entry = new Entry(null, refusal, clock.instant().plus(negativeTtl));
            }
            store(key, entry);
            mine.complete(entry);
            return outcome(entry);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The number of cached outcomes. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private Instant positiveExpiry(AuthInfo info) {
        Instant until = clock.instant().plus(positiveTtl);
        Instant exp = info.expiresAt();
        return exp != null && exp.isBefore(until) ? exp : until;
    }

    private Entry lookup(String key) {
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e == null) {
                return null;
            }
            if (!e.expiresAt().isAfter(clock.instant())) {
                entries.remove(key);
                return null;
            }
            return e;
        }
    }

    private void store(String key, Entry entry) {
        if (maxEntries <= 0 || !entry.expiresAt().isAfter(clock.instant())) {
            return;
        }
        synchronized (entries) {
            entries.put(key, entry);
        }
    }

    private static AuthInfo outcome(Entry e) {
        if (e.refusal() != null) {
            throw e.refusal();
        }
        return e.info();
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
