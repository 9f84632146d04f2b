package dev.jmcp.loadtest.target;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.Prompt;
import dev.jmcp.core.protocol.prompts.PromptArgument;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import dev.jmcp.transport.stdio.StdioServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The server the MCP binding is load-tested against: {@code echo}, {@code fail} (always {@code isError}),
 * {@code slow} (sleeps {@code ms} milliseconds), {@code counter} (structured output with an outputSchema), a resource
 * and a prompt. {@link #main} serves it on stdio (launched as a subprocess by the tests).
 */
public final class TestServers {
    static final String RESOURCE_URI = "mem://greeting";

    private TestServers() {}

    /** A new server instance. */
    public static McpServer server() {
        JsonNode textSchema = McpJson.parse(
                "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}");
        JsonNode slowSchema = McpJson.parse("{\"type\":\"object\",\"properties\":{\"ms\":{\"type\":\"integer\"}}}");
        JsonNode empty = McpJson.parse("{\"type\":\"object\"}");
        JsonNode countSchema = McpJson.parse(
                "{\"type\":\"object\",\"properties\":{\"count\":{\"type\":\"integer\"}},\"required\":[\"count\"]}");
        return McpServer.builder()
                .name("loadtest-fixture")
                .version("1")
                .tool(
                        Tool.builder("echo", textSchema).build(),
                        (request, ctx) -> CallToolResult.text(request.stringArgument("text")))
                .tool(Tool.builder("fail", empty).build(), (request, ctx) -> CallToolResult.error("always fails"))
                .tool(Tool.builder("slow", slowSchema).build(), (request, ctx) -> {
                    JsonNode ms = request.arguments() == null
                            ? null
                            : request.arguments().get("ms");
                    Thread.sleep(ms == null ? 500 : ms.asLong());
                    return CallToolResult.text("slept");
                })
                .tool(
                        Tool.builder("counter", empty).outputSchema(countSchema).build(),
                        (request, ctx) -> CallToolResult.builder()
                                .content(List.of(TextContent.of("1")))
                                .structuredContent(McpJson.parse("{\"count\":1}"))
                                .build())
                .resource(
                        Resource.builder(RESOURCE_URI, "greeting").build(),
                        (request, ctx) -> ReadResourceResult.of(
                                List.of(TextResourceContents.of(RESOURCE_URI, "text/plain", "hello"))))
                .prompt(
                        Prompt.builder("greet")
                                .arguments(List.of(PromptArgument.required("name", "who")))
                                .build(),
                        (request, ctx) -> GetPromptResult.of(
                                "greeting",
                                List.of(PromptMessage.of(Role.USER, TextContent.of("hello " + request.arguments())))))
                .build();
    }

    /**
     * Replaces {@code counter} with a version that declares no outputSchema and returns structured content
     * violating the original one (a server whose tool changed after the client listed it).
     */
    static void breakCounter(McpServer server) {
        server.addTool(
                Tool.builder("counter", McpJson.parse("{\"type\":\"object\"}")).build(),
                (request, ctx) -> CallToolResult.builder()
                        .content(List.of(TextContent.of("x")))
                        .structuredContent(McpJson.parse("{\"count\":\"not a number\"}"))
                        .build());
    }

    /** The command that runs {@link #main} in a new JVM with this JVM's class path. */
    static List<String> stdioCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xmx64m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TestServers.class.getName());
        return cmd;
    }

    /**
     * Serves the fixture on stdin/stdout until stdin closes; with {@code http PORT}, on
     * {@code http://127.0.0.1:PORT/mcp} until stdin closes (for trying the CLI by hand).
     */
    public static void main(String[] args) throws Exception {
        try (McpServer server = server()) {
            if (args.length == 2 && args[0].equals("http")) {
                try (McpHttpServer http = McpHttpServer.builder(server)
                        .port(Integer.parseInt(args[1]))
                        .start()) {
                    System.out.println(http.uri());
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // serve until stdin closes
                    }
                }
            } else {
                StdioServer.serve(server);
            }
        }
    }
}
