package com.example.jmcp.client;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.stdio.StdioClientTransport;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code client}: talks to any MCP server from a terminal.
 *
 * <pre>
 * client --stdio "npx -y @modelcontextprotocol/server-everything" tools list
 * client --http http://localhost:8080/mcp tools call test_simple_text --json
 * client --http http://localhost:8080/mcp prompts get test_prompt_with_arguments --args '{"arg1":"a","arg2":"b"}'
 * </pre>
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = "Connect to an MCP server over stdio or HTTP and use its tools, resources and prompts.",
        subcommands = {
            ToolsCommand.class,
            ResourcesCommand.class,
            PromptsCommand.class,
            ClientCommand.Info.class,
            ClientCommand.Ping.class,
            ConformanceCommand.class
        })
public final class ClientCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(
            names = "--header",
            paramLabel = "NAME=VALUE",
            description = "An extra HTTP header (repeatable), e.g. Authorization=Bearer abc.")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(
            names = "--protocol",
            paramLabel = "VERSION",
            description = "Pin the protocol revision (e.g. 2025-11-25 or 2026-07-28); default: negotiate.")
    String protocol;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Request timeout in seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Where the server is: exactly one of the two. */
    static final class Target {
        @Option(
                names = "--stdio",
                paramLabel = "COMMAND",
                required = true,
                description = "Launch the server with this command line and talk over its stdin/stdout.")
        String stdio;

        @Option(
                names = "--http",
                paramLabel = "URL",
                required = true,
                description = "The server's Streamable HTTP endpoint, e.g. http://localhost:8080/mcp.")
        URI http;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Opens a connected client to the target (the caller closes it). */
    McpClient connect() {
        if (target == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the server with --stdio or --http");
        }
        Transport transport;
        if (target.stdio != null) {
            List<String> command = CommandLines.split(target.stdio);
            if (command.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--stdio needs a command");
            }
            transport = StdioClientTransport.builder(command).build();
        } else {
            transport = StreamableHttpClientTransport.builder(target.http)
                    .headers(headers)
                    .build();
        }
        var builder = McpClient.builder()
                .transport(transport)
                .clientInfo("jmcp-cli", "0.1.0")
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .elicitation(Prompter::elicit)
                .onLog(m -> System.err.println("[server log " + m.level() + "] " + m.data()));
        if (protocol != null) {
            builder.protocolVersion(ProtocolVersion.parse(protocol)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "unknown protocol version " + protocol)));
        }
        McpClient client = builder.build();
        try {
            client.connect();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** {@code client ... info}: what the server said about itself. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show the server's info and capabilities.")
    static final class Info implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        ClientCommand parent;

        @CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            try (McpClient client = parent.connect()) {
                Printer.of(output).serverInfo(client.server());
                return 0;
            }
        }
    }

    /** {@code client ... ping}. */
    @Command(name = "ping", mixinStandardHelpOptions = true, description = "Ping the server.")
    static final class Ping implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        ClientCommand parent;

        @Override
        public Integer call() {
            try (McpClient client = parent.connect()) {
                long start = System.nanoTime();
                client.ping();
                System.out.printf("pong in %.1f ms%n", (System.nanoTime() - start) / 1e6);
                return 0;
            }
        }
    }
}
