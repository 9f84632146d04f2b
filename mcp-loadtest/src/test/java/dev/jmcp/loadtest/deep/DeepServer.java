package dev.jmcp.loadtest.deep;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.Progress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * A small server for the MCP-deep scenarios: {@code work} reports progress three times 30 ms apart, {@code job}
 * supports tasks and takes 150 ms, {@code bump} updates the resource {@value #COUNTER} (notifying its subscribers).
 */
final class DeepServer {
    static final String COUNTER = "mem://counter";
    static final JsonNode EMPTY = McpJson.parse("{\"type\":\"object\"}");

    private DeepServer() {}

    static McpServer create() {
        AtomicReference<McpServer> self = new AtomicReference<>();
        AtomicLong counter = new AtomicLong();
        McpServer server = McpServer.builder()
                .name("deep")
                .version("1")
                .tool(Tool.builder("work", EMPTY).build(), (request, ctx) -> {
                    Thread.sleep(40); // the first progress comes after 40 ms, the answer after ~100 ms
                    for (int i = 1; i <= 3; i++) {
                        ctx.progress(Progress.of(i).total(3));
                        Thread.sleep(30);
                    }
                    return CallToolResult.text("worked");
                })
                .tool(
                        Tool.builder("job", EMPTY)
                                .execution(ToolExecution.of(ToolExecution.TaskSupport.OPTIONAL))
                                .build(),
                        (request, ctx) -> {
                            Thread.sleep(150);
                            return CallToolResult.text("done");
                        })
                .tool(Tool.builder("bump", EMPTY).build(), (request, ctx) -> {
                    counter.incrementAndGet();
                    self.get().notifyResourceUpdated(COUNTER);
                    return CallToolResult.text("bumped");
                })
                .resource(
                        Resource.builder(COUNTER, "counter").build(),
                        (request, ctx) -> ReadResourceResult.of(
                                List.of(TextResourceContents.of(COUNTER, "text/plain", "" + counter.get()))))
                .build();
        self.set(server);
        return server;
    }
}
