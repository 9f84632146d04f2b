/** Logging: levels, {@code logging/setLevel} and {@code notifications/message}. */
package dev.jmcp.core.protocol.logging;
