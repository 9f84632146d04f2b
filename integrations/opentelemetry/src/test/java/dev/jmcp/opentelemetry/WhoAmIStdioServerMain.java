package dev.jmcp.opentelemetry;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.stdio.StdioServer;

/**
 * A jmcp server served over stdio, launched as a subprocess by {@link ClientTelemetryOverStdioTest}. Its tool
 * {@code whoami} answers {@code <request id> <network.transport>} as the server saw them.
 */
public final class WhoAmIStdioServerMain {
    private WhoAmIStdioServerMain() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) {
        McpServer server = McpServer.builder()
                .name("whoami")
                .version("1")
                .tool(
                        Tool.builder("whoami", McpJson.parse("{\"type\":\"object\"}"))
                                .build(),
                        (req, ctx) -> CallToolResult.text(ctx.requestId().value() + " "
                                + ctx.transport().network().transport()))
                .build();
        StdioServer.serve(server);
    }
}
