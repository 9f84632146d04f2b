package dev.jmcp.test;

/** How {@link McpTest} serves the server to the injected clients. */
public enum McpTestTransport {
    /** Linked in-memory transports in this JVM: no sockets, the fastest. */
    IN_MEMORY,
    /** Streamable HTTP on embedded Jetty bound to 127.0.0.1 on a free port, with the jmcp HTTP client. */
    HTTP,
    /**
     * stdio with a subprocess: {@code java -cp <this JVM's class path> <McpTest#stdioMain> <McpTest#stdioArgs>},
     * whose main method serves the server on its stdin/stdout (e.g. with {@code StdioServer.serve}), driven by the
     * jmcp stdio client transport. Each client is its own process, ended and reaped when the client closes.
     */
    STDIO
}
