package dev.jmcp.bench;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.HandlerExecution;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import tools.jackson.databind.JsonNode;

/**
 * jmcp: {@link McpServer} with the {@code echo} and {@code work} tools on {@link McpHttpServer} (embedded Jetty 12,
 * the same maximum of 200 worker threads as {@link JettyHost}; on JDK 21+ it serves requests on virtual threads).
 * Arguments: {@code [port] [session|stateless] [AUTO|INLINE|HAND_OFF]} (the handler execution of stateless
 * requests, default AUTO). Everything else is jmcp's default, except that one address may open
 * {@code -Dbench.maxSessions} (20 000) sessions, for the sessions-memory row.
 */
public final class JmcpServerMain {
    private static final int MAX_SESSIONS = Integer.getInteger("bench.maxSessions", 20_000);

    private JmcpServerMain() {}

    /** Starts the server and blocks. */
    public static void main(String[] args) throws Exception {
        int port = JettyHost.port(args);
        String mode = JettyHost.mode(args);
        HandlerExecution execution = args.length > 2 ? HandlerExecution.valueOf(args[2]) : HandlerExecution.AUTO;
        McpServer server = benchServer(execution);
        McpHttpServer http = McpHttpServer.builder(server)
                .host("127.0.0.1")
                .port(port)
                .path("/mcp")
                .maxSessions(MAX_SESSIONS)
                .maxSessionsPerPrincipal(MAX_SESSIONS)
                .servlet(s -> s.stateless(mode.equals("stateless")))
                .start();
        String label = "jmcp-" + mode + (execution == HandlerExecution.AUTO ? "" : "-" + execution);
        System.out.println("READY " + http.port() + " " + label + " pid="
                + ProcessHandle.current().pid() + " java=" + System.getProperty("java.version") + " "
                + System.getProperty("java.vm.name"));
        System.out.flush();
        Thread.currentThread().join();
    }

    /**
     * The benchmarks' MCP server: the {@code echo} tool and the CPU-burning {@code work} tool.
     *
     * @param execution where handlers run
     * @return the server, not yet served
     * @throws Exception when the input schema cannot be read
     */
    static McpServer benchServer(HandlerExecution execution) throws Exception {
        JsonNode schema = McpJson.mapper().readTree(Work.INPUT_SCHEMA);
        return McpServer.builder()
                .name("bench-jmcp")
                .version("1.0.0")
                .handlerExecution(execution)
                .tool(
                        Tool.builder("echo", schema)
                                .description("Echoes the message")
                                .build(),
                        (request, ctx) -> CallToolResult.text(Work.echo(request.stringArgument("message"))))
                .tool(
                        Tool.builder("work", schema)
                                .description("Burns ~0.5 ms of CPU, then echoes")
                                .build(),
                        (request, ctx) -> CallToolResult.text(Work.work(request.stringArgument("message"))))
                .build();
    }
}
