package com.example.jmcp.server;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code server everything|notes|typed|files [--root DIR] [--http PORT | --stdio]}. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Run an example MCP server over stdio (for desktop MCP hosts) or Streamable HTTP.")
public final class ServerCommand implements Callable<Integer> {
    /** The example servers. */
    public enum Kind {
        /** The conformance everything-server. */
        everything,
        /** A notes server with tools, resources and prompts. */
        notes,
        /** A server with typed tools written as annotated methods. */
        typed,
        /** The files of one folder (requires {@code --root}). */
        files
    }

    @Parameters(index = "0", paramLabel = "SERVER", description = "Which server: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "The interface to bind with --http (default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "The folder the files server serves (required by the files server).")
    java.nio.file.Path root;

    // ---- scale-out on Redis (#18) ----
    @Option(
            names = "--redis",
            paramLabel = "URI",
            description = "With --http: share sessions, events, tasks and deliveries with the other instances on this"
                    + " Redis (redis://host:port), so any instance behind a load balancer serves any session"
                    + " (everything server only).")
    String redisUri;

    @Option(
            names = "--redis-namespace",
            paramLabel = "NS",
            defaultValue = "everything",
            description = "The Redis key namespace shared by the instances of one server (default ${DEFAULT-VALUE}).")
    String redisNamespace;

    private Integer serveScaledOut() throws InterruptedException {
        if (kind != Kind.everything || mode == null || mode.httpPort == null) {
            throw new CommandLine.ParameterException(
                    new CommandLine(new ServerCommand()), "--redis needs the everything server and --http PORT");
        }
        // in its own class: the Redis types load only when --redis is given (the module-path demo has no Redis)
        return ScaledOutServer.serve(host, mode.httpPort, redisUri, redisNamespace);
    }
    // ---- end of scale-out ----

    /** Exactly one of the two; stdio when neither is given. */
    static final class Mode {
        @Option(names = "--http", paramLabel = "PORT", required = true, description = "Serve http://HOST:PORT/mcp.")
        Integer httpPort;

        @Option(names = "--stdio", required = true, description = "Serve on stdin/stdout (the default).")
        boolean stdio;
    }

    /** Builds the named example server; {@code root} is the files server's folder (ignored by the others). */
    public static McpServer create(Kind kind, java.nio.file.Path root) {
        if (kind == Kind.files) {
            if (root == null) {
                throw new CommandLine.ParameterException(
                        new CommandLine(new ServerCommand()), "the files server needs --root DIR");
            }
            return FilesServer.create(root);
        }
        return create(kind);
    }

    /** Builds the named example server (not {@code files}, which needs a folder). */
    public static McpServer create(Kind kind) {
        return ExampleServers.create(kind);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (redisUri != null) {
            return serveScaledOut();
        }
        McpServer server = create(kind, root);
        if (mode != null && mode.httpPort != null) {
            McpHttpServer http = Serving.http(server, host, mode.httpPort);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                http.close();
                server.close();
                stopped.countDown();
            }));
            System.err.println(kind + " server listening on " + http.uri());
            stopped.await();
            return 0;
        }
        try (server) {
            Serving.stdio(server);
        }
        return 0;
    }

    /** Lets tests run a server command. */
    static CommandLine commandLine() {
        return new CommandLine(new ServerCommand());
    }
}
