package dev.jmcp.loadtest.target;

/** The server under test: a factory of sessions. Thread-safe. */
public interface Target extends AutoCloseable {
    /**
     * Opens a session (for MCP: connect and initialize, unless {@code mode} is {@link SessionMode#STATELESS}).
     *
     * @param mode the mode
     * @return the opened target session
     * @throws Exception if the session cannot be opened; the engine counts it as a connection error
     */
    TargetSession openSession(SessionMode mode) throws Exception;

    /**
     * A short description for reports ({@code http://127.0.0.1:8080/mcp}, {@code stdio: node server.js}).
     *
     * @return a short description for reports ({@code http://127.0.0.1:8080/mcp}, {@code stdio: node server.js})
     */
    String describe();

    /** Releases shared resources (HTTP client, ...). The default does nothing. */
    /**
     * What the server said about itself when a session opened: {@code name}, {@code version} and the negotiated
     * {@code protocolVersion} (keys absent when unknown). Empty by default and before any session opened.
     *
     * @return what the server said about itself when a session opened: {@code name}, {@code version} and the negotiated
     *     {@code protocolVersion} (keys absent when unknown)
     */
    default java.util.Map<String, String> serverInfo() {
        return java.util.Map.of();
    }

    @Override
    default void close() {}
}
