package dev.jmcp.transport.http.servlet.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The servlet's stream limits beyond the per-stream write queue (issue #14), taken from its builder once.
 *
 * @param maxQueuedBytesTotal the most bytes queued for all slow connections together; the slow connection whose
 *     write would cross it is closed (the client can resume)
 * @param maxStandaloneBacklogBytes the most bytes kept for the standalone stream while no GET is connected; the
 *     oldest go beyond it, and the next GET is told how many were dropped
 * @param primingDelay how long a request stream may wait for a plain JSON answer before it switches to SSE and
 *     sends a priming event (an id to resume from), when an event store is on
 * @param bodyReadTimeout how long a POST body may take to arrive in full (408 beyond); bodies are read without
 *     holding a container thread
 */
public record StreamLimits(
        long maxQueuedBytesTotal, long maxStandaloneBacklogBytes, Duration primingDelay, Duration bodyReadTimeout) {
    /** 64 MiB queued in all, 1 MiB of standalone backlog, priming after 1 s, bodies within 30 s. */
    public static final StreamLimits DEFAULTS =
            new StreamLimits(64L * 1024 * 1024, 1024L * 1024, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** Checks the values. */
    public StreamLimits {
        Objects.requireNonNull(primingDelay, "primingDelay");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        if (maxQueuedBytesTotal <= 0 || maxStandaloneBacklogBytes <= 0) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
        if (primingDelay.isNegative() || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("primingDelay must not be negative, bodyReadTimeout must be positive");
        }
    }
}
