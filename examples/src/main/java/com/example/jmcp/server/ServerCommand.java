package com.example.jmcp.server;

import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.nio.charset.StandardCharsets;
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
    private static final String DYNAMIC_CHANNEL = "everything:dynamic";

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
        dev.jmcp.redis.RedisScaleOut redis = dev.jmcp.redis.RedisScaleOut.builder()
                .uri(redisUri)
                .namespace(redisNamespace)
                .build();
        // The everything server adds a tool or prompt at run time (test_trigger_*_change): the other instances
        // must serve the same lists, so the change is told to them over the bus and applied there too.
        String instance = java.util.UUID.randomUUID().toString();
        McpServer server = EverythingServer.create(b -> redis.configure(b).interceptor((call, chain) -> {
            dev.jmcp.server.ServerOutcome outcome = chain.proceed();
            if ("tools/call".equals(call.method()) && call.params() != null) {
                String tool = call.params().path("name").asString("");
                if (tool.equals("test_trigger_tool_change") || tool.equals("test_trigger_prompt_change")) {
                    redis.messageBus()
                            .publish(DYNAMIC_CHANNEL, (instance + " " + tool).getBytes(StandardCharsets.UTF_8));
                }
            }
            return outcome;
        }));
        redis.messageBus().subscribe(DYNAMIC_CHANNEL, message -> {
            String[] parts = new String(message, StandardCharsets.UTF_8).split(" ", 2);
            if (parts.length == 2 && !parts[0].equals(instance)) {
                if (parts[1].equals("test_trigger_tool_change")) {
                    EverythingInputTools.addDynamicTool(server);
                } else {
                    EverythingInputTools.addDynamicPrompt(server);
                }
            }
        });
        McpHttpServer http = McpHttpServer.builder(server)
                .host(host)
                .port(mode.httpPort)
                .path("/mcp")
                .servlet(redis::configure)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
            server.close();
            redis.close();
            stopped.countDown();
        }));
        System.err.println(kind + " server listening on " + http.uri() + ", scaled out on " + redisUri);
        stopped.await();
        return 0;
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
