package dev.jmcp.client.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers which servers turned out to speak only the handshake era, so a later connection to the same server
 * goes straight to {@code initialize} instead of probing with {@code server/discover} again (and, for a silent
 * server, waiting out the discovery timeout again). The 2026-07-28 specification asks clients to cache the era for
 * the lifetime of the server process (stdio) or origin (HTTP), and to probe again when the assumption fails.
 *
 * <p>{@link #SHARED} is process-wide and keyed by {@link dev.jmcp.core.transport.Transport#peerIdentity()} (an
 * HTTP endpoint URI): at most {@value #MAX_ENTRIES} servers, each remembered for {@link #TTL} (one hour) after it
 * was last found handshake-only, the least recently used dropped first. Transports without an identity (stdio:
 * one process per transport) are remembered per client instead, so reconnecting to a restarted process of the
 * same configuration does not wait again. A modern server is never remembered: its {@code server/discover} answer
 * is what the client needs anyway.
 */
final class EraMemory {
    /** How many servers the shared memory holds. */
    static final int MAX_ENTRIES = 256;
    /** How long a handshake-only verdict is kept. */
    static final Duration TTL = Duration.ofHours(1);
    /** The process-wide memory, keyed by peer identity. */
    static final EraMemory SHARED = new EraMemory(MAX_ENTRIES, TTL, System::nanoTime);

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Long> handshakeOnlySince;

    EraMemory(int maxEntries, Duration ttl, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        this.handshakeOnlySince = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > EraMemory.this.maxEntries;
            }
        };
    }

    /** A memory for one client (one server configuration). */
    static EraMemory perClient() {
        return new EraMemory(1, TTL, System::nanoTime);
    }

    /** Whether {@code peer} was found to speak only the handshake era within the TTL. */
    synchronized boolean isHandshakeOnly(String peer) {
        Long since = handshakeOnlySince.get(peer);
        if (since == null) {
            return false;
        }
        if (clock.getAsLong() - since > ttlNanos) {
            handshakeOnlySince.remove(peer);
            return false;
        }
        return true;
    }

    /** Records that {@code peer} answered {@code server/discover} like a handshake-only server. */
    synchronized void rememberHandshakeOnly(String peer) {
        handshakeOnlySince.put(peer, clock.getAsLong());
    }

    /** Forgets {@code peer} (the remembered era turned out wrong). */
    synchronized void forget(String peer) {
        handshakeOnlySince.remove(peer);
    }
}
