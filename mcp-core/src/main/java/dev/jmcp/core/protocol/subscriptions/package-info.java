/** Subscriptions (2026-07-28): {@code subscriptions/listen} and its acknowledgement. */
package dev.jmcp.core.protocol.subscriptions;
