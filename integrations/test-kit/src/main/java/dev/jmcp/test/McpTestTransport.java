package dev.jmcp.test;

/** How {@link McpTest} serves the server to the injected clients. */
public enum McpTestTransport {
    /** Linked in-memory transports in this JVM: no sockets, the fastest. */
    IN_MEMORY,
    /** Streamable HTTP on embedded Jetty bound to 127.0.0.1 on a free port, with the jmcp HTTP client. */
    HTTP
}
