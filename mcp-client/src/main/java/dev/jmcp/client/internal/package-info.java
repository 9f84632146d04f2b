/**
 * The implementation of {@link dev.jmcp.client.McpClient}: negotiation of the protocol era, the per-request
 * {@code _meta} of 2026-07-28, the {@code input_required} retry loop, capability gates, elicitation defaults and
 * tool output validation. Not API: may change without notice.
 */
package dev.jmcp.client.internal;
