/**
 * The jmcp test kit: annotate a test class with {@link McpTest}, give it a server with an {@link McpTestServer}
 * method, and take a connected {@code McpClient} as a test parameter. The server is served in memory or on loopback
 * HTTP, and everything is closed after the tests.
 */
package dev.jmcp.test;
