package dev.jmcp.bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The official MCP Java SDK (io.modelcontextprotocol.sdk:mcp) with the same tools on {@link JettyHost}. Arguments:
 * {@code [port] [session|stateless]}. {@code session} is {@link HttpServletStreamableServerTransportProvider} with
 * the SDK's defaults; {@code stateless} is {@link HttpServletStatelessServerTransport} with
 * {@code immediateExecution(true)}, its fastest setting (handlers run on the servlet thread).
 */
public final class SdkServerMain {
    private SdkServerMain() {}

    /** Starts the server and blocks. */
    public static void main(String[] args) throws Exception {
        int port = JettyHost.port(args);
        String mode = JettyHost.mode(args);
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpSchema.Tool echo = McpSchema.Tool.builder()
                .name("echo")
                .description("Echoes the message")
                .inputSchema(json, Work.INPUT_SCHEMA)
                .build();
        McpSchema.Tool work = McpSchema.Tool.builder()
                .name("work")
                .description("Burns ~0.5 ms of CPU, then echoes")
                .inputSchema(json, Work.INPUT_SCHEMA)
                .build();
        McpSchema.ServerCapabilities caps =
                McpSchema.ServerCapabilities.builder().tools(false).build();
        if (mode.equals("session")) {
            HttpServletStreamableServerTransportProvider transport =
                    HttpServletStreamableServerTransportProvider.builder()
                            .mcpEndpoint("/mcp")
                            .build();
            McpServer.sync(transport)
                    .serverInfo("bench-sdk", "1.0.0")
                    .capabilities(caps)
                    .tools(
                            McpServerFeatures.SyncToolSpecification.builder()
                                    .tool(echo)
                                    .callHandler((exchange, req) -> text(Work.echo(message(req))))
                                    .build(),
                            McpServerFeatures.SyncToolSpecification.builder()
                                    .tool(work)
                                    .callHandler((exchange, req) -> text(Work.work(message(req))))
                                    .build())
                    .build();
            JettyHost.serve("sdk-session", port, transport);
        } else {
            HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                    .messageEndpoint("/mcp")
                    .build();
            McpServer.sync(transport)
                    .serverInfo("bench-sdk", "1.0.0")
                    .capabilities(caps)
                    .immediateExecution(true)
                    .tools(
                            McpStatelessServerFeatures.SyncToolSpecification.builder()
                                    .tool(echo)
                                    .callHandler((ctx, req) -> text(Work.echo(message(req))))
                                    .build(),
                            McpStatelessServerFeatures.SyncToolSpecification.builder()
                                    .tool(work)
                                    .callHandler((ctx, req) -> text(Work.work(message(req))))
                                    .build())
                    .build();
            JettyHost.serve("sdk-stateless", port, transport);
        }
    }

    private static String message(McpSchema.CallToolRequest req) {
        Object m = req.arguments() == null ? null : req.arguments().get("message");
        return m instanceof String ? (String) m : null;
    }

    private static McpSchema.CallToolResult text(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).build();
    }
}
