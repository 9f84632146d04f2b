package dev.jmcp.test;

/** {@link NotificationsContract} over linked in-memory transports. */
@McpTest
class InMemoryNotificationsTest extends NotificationsContract {}
