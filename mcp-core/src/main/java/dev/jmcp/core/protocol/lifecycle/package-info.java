/** Lifecycle: the {@code initialize} handshake, 2026-07-28 {@code server/discover}, and the per-request {@code _meta} of stateless requests. */
package dev.jmcp.core.protocol.lifecycle;
