package com.example.jmcp.demo;

import com.example.jmcp.server.ServerCommand;
import com.example.jmcp.server.Serving;
import dev.jmcp.client.CallOptions;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Role;
import dev.jmcp.core.protocol.content.ContentBlock;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.prompts.GetPromptResult;
import dev.jmcp.core.protocol.prompts.PromptMessage;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceContents;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.sampling.CreateMessageResult;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: starts an example server on embedded Jetty on a free loopback port, connects a client over HTTP, and
 * walks through tools, resources and prompts, printing what happens. Exits 0 when every step worked.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start an example server on a free loopback port and drive it with a client over HTTP.")
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--server",
            defaultValue = "everything",
            description = "Which server to run: everything or notes (default ${DEFAULT-VALUE}).")
    ServerCommand.Kind kind;

    @Option(
            names = "--protocol",
            description = "Pin the client's protocol revision (e.g. 2025-11-25 or 2026-07-28); default: negotiate.")
    String protocol;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        try (McpServer server = ServerCommand.create(kind);
                McpHttpServer http = Serving.http(server, "127.0.0.1", 0)) {
            out.println("server  " + kind + " listening on " + http.uri());
            var builder = McpClient.builder()
                    .transport(StreamableHttpClientTransport.create(http.uri()))
                    .clientInfo("jmcp-demo", "0.1.0")
                    .requestTimeout(Duration.ofSeconds(30))
                    // The everything server's sampling tool asks the client's LLM; the demo answers itself.
                    .sampling(req -> CreateMessageResult.of(
                            Role.ASSISTANT,
                            TextContent.of("a canned answer from the demo client"),
                            "demo-model",
                            "endTurn"))
                    .onLog(m -> out.println("  log   [" + m.level() + "] " + m.data()));
            if (protocol != null) {
                builder.protocolVersion(dev.jmcp.core.ProtocolVersion.parse(protocol)
                        .orElseThrow(() -> new IllegalArgumentException("unknown protocol " + protocol)));
            }
            try (McpClient client = builder.build()) {
                var server1 = client.connect();
                out.println("client  connected: protocol "
                        + server1.protocolVersion().id()
                        + (server1.serverInfo() != null
                                ? ", server " + server1.serverInfo().name()
                                : ""));
                if (kind == ServerCommand.Kind.notes) {
                    notes(client);
                } else {
                    everything(client);
                }
            }
        }
        out.println("demo    done");
        return 0;
    }

    private void everything(McpClient client) {
        List<Tool> tools = client.listAllTools();
        out.println("tools   " + tools.size() + " listed, e.g. "
                + tools.stream().limit(4).map(Tool::name).toList());
        show("test_simple_text", client.callTool("test_simple_text", Map.of()));
        CallToolResult progress = client.callTool(
                "test_tool_with_progress",
                McpJson.object(),
                CallOptions.builder()
                        .progress((done, total, message) -> out.println("  progress " + (long) done + "/"
                                + (total == null ? "?" : String.valueOf(total.longValue()))))
                        .build());
        show("test_tool_with_progress", progress);
        show("test_sampling", client.callTool("test_sampling", Map.of("prompt", "Say hello")));
        CallToolResult error = client.callTool("test_error_handling", Map.of());
        out.println("call    test_error_handling -> isError=" + error.failed() + ": " + text(error.content()));
        ReadResourceResult r = client.readResource("test://static-text");
        out.println("read    test://static-text -> " + contents(r.contents()));
        GetPromptResult p = client.getPrompt("test_prompt_with_arguments", Map.of("arg1", "hello", "arg2", "world"));
        out.println("prompt  test_prompt_with_arguments -> " + messages(p.messages()));
    }

    private void notes(McpClient client) {
        out.println("tools   " + client.listAllTools().stream().map(Tool::name).toList());
        show("add_note", client.callTool("add_note", Map.of("title", "demo", "text", "written by the demo")));
        show("search_notes", client.callTool("search_notes", Map.of("query", "demo")));
        out.println("read    notes://index -> "
                + contents(client.readResource("notes://index").contents()).replace('\n', ','));
        out.println("read    notes://note/demo -> "
                + contents(client.readResource("notes://note/demo").contents()));
        out.println("prompt  summarize_notes -> "
                + messages(client.getPrompt("summarize_notes", Map.of("style", "one line"))
                        .messages()));
    }

    private void show(String tool, CallToolResult result) {
        if (result.failed()) {
            throw new IllegalStateException(tool + " failed: " + text(result.content()));
        }
        out.println("call    " + tool + " -> " + text(result.content()));
    }

    private static String text(List<ContentBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (ContentBlock b : blocks) {
            if (b instanceof TextContent) {
                sb.append(((TextContent) b).text());
            }
        }
        return sb.toString();
    }

    private static String contents(List<ResourceContents> contents) {
        StringBuilder sb = new StringBuilder();
        for (ResourceContents c : contents) {
            if (c instanceof TextResourceContents) {
                sb.append(((TextResourceContents) c).text());
            }
        }
        return sb.toString();
    }

    private static String messages(List<PromptMessage> messages) {
        StringBuilder sb = new StringBuilder();
        for (PromptMessage m : messages) {
            if (m.content() instanceof TextContent) {
                sb.append('[')
                        .append(m.role().name().toLowerCase(java.util.Locale.ROOT))
                        .append("] ");
                sb.append(((TextContent) m.content()).text());
            }
        }
        return sb.toString();
    }
}
