package dev.jmcp.bench;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.servlet.McpHttpServlet;
import tools.jackson.databind.JsonNode;

/**
 * jmcp: {@link McpServer} with the {@code echo} and {@code work} tools behind {@link McpHttpServlet} on
 * {@link JettyHost}. Arguments: {@code [port] [session|stateless]}. Everything else is jmcp's default.
 */
public final class JmcpServerMain {
    private JmcpServerMain() {}

    /** Starts the server and blocks. */
    public static void main(String[] args) throws Exception {
        int port = JettyHost.port(args);
        String mode = JettyHost.mode(args);
        JsonNode schema = McpJson.mapper().readTree(Work.INPUT_SCHEMA);
        McpServer server = McpServer.builder()
                .name("bench-jmcp")
                .version("1.0.0")
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
        McpHttpServlet servlet = McpHttpServlet.builder(server)
                .stateless(mode.equals("stateless"))
                .build();
        JettyHost.serve("jmcp-" + mode, port, servlet);
    }
}
