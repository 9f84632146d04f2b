package dev.jmcp.server.internal;

import java.util.Objects;

/**
 * The concurrency limits of one server.
 *
 * @param maxInFlightRequestsPerSession the most inbound requests one session (or stateless exchange) handles at
 *     once; one more is answered {@code -32010}
 * @param bulkhead the server-wide bound on running handlers
 */
public record EngineLimits(int maxInFlightRequestsPerSession, HandlerBulkhead bulkhead) {
    /** Checks the values. */
    public EngineLimits {
        if (maxInFlightRequestsPerSession <= 0) {
            throw new IllegalArgumentException("maxInFlightRequestsPerSession must be positive");
        }
        Objects.requireNonNull(bulkhead, "bulkhead");
    }
}
