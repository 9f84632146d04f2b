package dev.jmcp.test;

/** {@link NotificationsContract} over Streamable HTTP on 127.0.0.1. */
@McpTest(transport = McpTestTransport.HTTP)
class HttpNotificationsTest extends NotificationsContract {}
