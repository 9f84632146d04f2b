package com.example.jmcp.server;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.stdio.StdioServer;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The start path of {@code server everything|notes|typed [--stdio]}, the command line an MCP host launches: it
 * builds the server and serves it on stdin/stdout without picocli, whose model of the whole command tree (every
 * client and demo command with their option types) cost more start-up CPU than the server itself. Any other
 * command line, including these with more options, goes through picocli as before.
 */
public final class StdioLaunch {
    private StdioLaunch() {}

    /**
     * The server kind when {@code args} is exactly {@code server KIND} or {@code server KIND --stdio} for a kind
     * that needs no option (case-insensitive, as picocli accepts it), else null.
     *
     * @param args the command line
     * @return the kind to serve on stdio, or null to let picocli run the command line
     */
    public static ServerCommand.Kind match(String... args) {
        if (args.length < 2 || args.length > 3 || !"server".equals(args[0])) {
            return null;
        }
        if (args.length == 3 && !"--stdio".equals(args[2])) {
            return null;
        }
        switch (args[1].toLowerCase(Locale.ROOT)) {
            case "everything":
                return ServerCommand.Kind.everything;
            case "notes":
                return ServerCommand.Kind.notes;
            case "typed":
                return ServerCommand.Kind.typed;
            default:
                return null;
        }
    }

    /**
     * Serves the example server {@code kind} on stdin/stdout until the client closes stdin, then closes it.
     *
     * @param kind which example server
     * @return the exit code: 0
     */
    public static int serve(ServerCommand.Kind kind) {
        warmUpLogging();
        try (McpServer server = ExampleServers.create(kind)) {
            StdioServer.serve(server);
        }
        return 0;
    }

    /**
     * Initialises logging (slf4j binding to logback, its configuration by {@code StderrLogging}) on a daemon
     * thread while this thread builds the server, whose first step, Jackson's mapper, is the longest one: on two
     * or more cores the two overlap. Logging depends on nothing the server build initialises, so neither waits for
     * the other except where the build's first logger waits for the configuration to finish, as it would anyway.
     */
    private static void warmUpLogging() {
        Thread t = new Thread(() -> LoggerFactory.getLogger(StdioLaunch.class), "jmcp-logging-init");
        t.setDaemon(true);
        t.start();
    }
}
