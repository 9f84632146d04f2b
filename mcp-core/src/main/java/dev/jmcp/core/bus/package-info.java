/**
 * Cross-instance delivery for servers that scale out: a {@link dev.jmcp.core.bus.MessageBus} carries opaque bytes
 * on named channels between the instances that serve one deployment. The server uses it for server-wide fan-out
 * (resource updates, list changes, task cancellation), the HTTP servlet transport for session-level delivery (an
 * SSE event whose connection lives on another instance, the answer to a server-to-client request). {@link
 * dev.jmcp.core.bus.LocalMessageBus} is the in-memory default: one JVM, local delivery only.
 */
package dev.jmcp.core.bus;
