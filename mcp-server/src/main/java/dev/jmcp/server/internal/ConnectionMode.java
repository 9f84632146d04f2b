package dev.jmcp.server.internal;

/** How a connection is served. */
public enum ConnectionMode {
    /** A session: {@code initialize} negotiates the revision (2026-07-28 requests may still arrive on it). */
    SESSION,
    /**
     * A stateless exchange: no {@code initialize} expected; each request is served under the revision in its
     * {@code _meta}, else its declared protocol version, else 2025-03-26.
     */
    STATELESS
}
