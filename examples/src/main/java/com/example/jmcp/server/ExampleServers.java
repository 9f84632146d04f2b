package com.example.jmcp.server;

import dev.jmcp.server.McpServer;

/**
 * Builds the example servers by name, without the command-line machinery: the stdio fast path ({@link
 * StdioLaunch}) and {@link ServerCommand} share it.
 */
public final class ExampleServers {
    private ExampleServers() {}

    /**
     * Builds the named example server (not {@code files}, which needs a folder).
     *
     * @param kind which example server
     * @return the server, not started
     * @throws IllegalArgumentException for {@code files}
     */
    public static McpServer create(ServerCommand.Kind kind) {
        switch (kind) {
            case everything:
                return EverythingServer.create();
            case notes:
                return NotesServer.create();
            case typed:
                return TypedToolsServer.create();
            case files:
                throw new IllegalArgumentException("the files server needs a folder: server files --root DIR");
            default:
                throw new IllegalArgumentException(String.valueOf(kind));
        }
    }
}
