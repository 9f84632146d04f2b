/**
 * Sampling ({@code sampling/createMessage}): the server asks the client's LLM for a message. Deprecated in
 * 2026-07-28 (SEP-2577) but still part of it, as an input request of a multi-round-trip result.
 */
package dev.jmcp.core.protocol.sampling;
