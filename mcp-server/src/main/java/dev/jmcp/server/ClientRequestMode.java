package dev.jmcp.server;

/** How the server sends {@code elicitation/create} and {@code sampling/createMessage} to a handshake-era client. */
public enum ClientRequestMode {
    /** Plain requests that stay open until the client answers (the default). */
    PLAIN,
    /**
     * Task-augmented requests (2025-11-25) when the client declares {@code tasks.requests.elicitation.create} /
     * {@code tasks.requests.sampling.createMessage}: the client answers at once with a task, and the server polls
     * {@code tasks/get} and fetches {@code tasks/result}, so no request stays open while the user thinks; plain
     * requests otherwise.
     */
    TASKS
}
