/** Multi-round-trip requests (2026-07-28): input requests embedded in {@code input_required} results, and the client's input responses. */
package dev.jmcp.core.protocol.mrtr;
