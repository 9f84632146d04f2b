package dev.jmcp.loadtest.target;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.stdio.StdioServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A stdio server with one tool, {@code overlap}: it sleeps {@code ms} (default 300) and answers {@code isError}
 * unless another call of it was in flight at some time during this one. {@link #main} serves it on stdin/stdout.
 */
public final class OverlapServer {
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicLong STARTS = new AtomicLong();

    private OverlapServer() {}

    /** The command that runs {@link #main} in a new JVM with this JVM's class path. */
    static List<String> stdioCommand() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                OverlapServer.class.getName());
    }

    /** Serves the server on stdin/stdout until stdin closes. */
    public static void main(String[] args) throws Exception {
        JsonNode schema = McpJson.parse("{\"type\":\"object\",\"properties\":{\"ms\":{\"type\":\"integer\"}}}");
        try (McpServer server = McpServer.builder()
                .name("overlap")
                .version("1")
                .tool(Tool.builder("overlap", schema).build(), (request, ctx) -> {
                    int now = IN_FLIGHT.incrementAndGet();
                    long startsBefore = STARTS.incrementAndGet();
                    try {
                        JsonNode ms = request.arguments() == null
                                ? null
                                : request.arguments().get("ms");
                        Thread.sleep(ms == null ? 300 : ms.asLong());
                        boolean overlapped = now > 1 || STARTS.get() > startsBefore;
                        return overlapped ? CallToolResult.text("overlapped") : CallToolResult.error("alone");
                    } finally {
                        IN_FLIGHT.decrementAndGet();
                    }
                })
                .build()) {
            StdioServer.serve(server);
        }
    }
}
