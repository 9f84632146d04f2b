package com.example.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.stdio.StdioServer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
        initialiseLoggingAndJson();
        try (McpServer server = ExampleServers.create(kind)) {
            StdioServer.serve(server);
        }
        return 0;
    }

    /**
     * Initialises logging (the slf4j binding to logback, configured by {@code StderrLogging}) on a second thread
     * while this one builds Jackson's mapper, the longest single step of the start path; on two or more cores the
     * two overlap. Neither touches the other's classes. This thread waits for logging before it builds the server,
     * so no logger is created while logging is still being initialised (slf4j would hand out substitute loggers).
     */
    private static void initialiseLoggingAndJson() {
        Thread logging = new Thread(StdioLaunch::initialiseLogging, "jmcp-logging-init");
        logging.setDaemon(true);
        logging.start();
        McpJson.mapper();
        try {
            logging.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void initialiseLogging() {
        LoggerFactory.getLogger(StdioLaunch.class);
    }
}
