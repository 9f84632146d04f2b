package dev.jmcp.transport.stdio;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A jmcp server on stdio with one resource, {@value #URI}, for the reconnect tests. Tools: {@code touch} (the
 * resource changed: subscribers get {@code notifications/resources/updated}) and {@code crash {code}} (exits).
 */
public final class WatchedResourceStdioServerMain {
    /** The resource subscribers watch. */
    public static final String URI = "test://watched";

    private WatchedResourceStdioServerMain() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) {
        AtomicReference<McpServer> self = new AtomicReference<>();
        McpServer server = McpServer.builder()
                .name("jmcp-stdio-watched")
                .version("1.0.0")
                .resource(
                        Resource.builder(URI, "watched").build(),
                        (req, ctx) -> ReadResourceResult.of(List.of(TextResourceContents.of(URI, "text/plain", "v"))))
                .tool(tool("touch"), (req, ctx) -> {
                    self.get().notifyResourceUpdated(URI);
                    return CallToolResult.text("touched");
                })
                .tool(tool("crash"), (req, ctx) -> {
                    Runtime.getRuntime().halt(req.arguments().get("code").intValue());
                    return null;
                })
                .build();
        self.set(server);
        StdioServer.serve(server);
        server.close();
    }

    private static Tool tool(String name) {
        return Tool.builder(name, McpJson.parse("{\"type\":\"object\"}"))
                .description("test tool " + name)
                .build();
    }
}
