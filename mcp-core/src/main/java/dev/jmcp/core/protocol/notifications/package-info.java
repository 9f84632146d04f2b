/** Params of the general notifications: progress, cancellation, and the {@code _meta}-only ones. */
package dev.jmcp.core.protocol.notifications;
