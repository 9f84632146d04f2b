package dev.jmcp.transport.stdio;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.protocol.resources.ReadResourceResult;
import dev.jmcp.core.protocol.resources.ResourceTemplate;
import dev.jmcp.core.protocol.resources.TextResourceContents;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.ToolHandler;
import tools.jackson.databind.JsonNode;

/**
 * A real jmcp {@link McpServer} served with {@link StdioServer#serve}, launched as a subprocess by the tests and
 * the benchmark. Tools: {@code echo {text}}, {@code sleep {ms}}, {@code big {bytes}}, {@code print} (stray
 * {@code System.out} output, then a result) and {@code crash {code}} (two stderr lines, then exit with code).
 * The environment variable {@code JMCP_TEST_MAX_BYTES} raises the message size limit; {@code
 * JMCP_TEST_MAX_IN_FLIGHT} sets the per-session cap on concurrent requests (1024 unless set: the tests send up to
 * 500 at once).
 * Usage: {@code McpStdioServerMain [crashAfterMillis exitCode]}: with arguments, the process also writes a
 * stderr line and halts with {@code exitCode} after {@code crashAfterMillis}. Resource template: {@code
 * file:///{+path}{?rev}} (answers the length of the path it matched).
 */
public final class McpStdioServerMain {
    private static final JsonNode OBJECT_SCHEMA = McpJson.parse("{\"type\":\"object\"}");

    private McpStdioServerMain() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) {
        McpServer server = McpServer.builder()
                .name("jmcp-stdio-test")
                .version("1.0.0")
                .maxConcurrentRequestsPerSession(
                        Integer.parseInt(System.getenv().getOrDefault("JMCP_TEST_MAX_IN_FLIGHT", "1024")))
                .tool(tool("echo"), (req, ctx) -> CallToolResult.text(req.stringArgument("text")))
                .tool(tool("sleep"), (req, ctx) -> {
                    long ms = req.arguments().get("ms").longValue();
                    Thread.sleep(ms);
                    return CallToolResult.text("slept " + ms);
                })
                .tool(
                        tool("big"),
                        (req, ctx) -> CallToolResult.text(
                                "b".repeat(req.arguments().get("bytes").intValue())))
                .tool(tool("print"), printing())
                .resourceTemplate(
                        ResourceTemplate.builder("file:///{+path}{?rev}", "files")
                                .build(),
                        (req, ctx) -> ReadResourceResult.of(java.util.List.of(TextResourceContents.of(
                                req.uri(),
                                "text/plain",
                                "path of "
                                        + req.variables()
                                                .getOrDefault("path", "")
                                                .length() + " chars"))))
                .tool(tool("crash"), (req, ctx) -> {
                    System.err.println("fatal: database unreachable");
                    System.err.println("giving up");
                    System.err.flush();
                    Runtime.getRuntime().halt(req.arguments().get("code").intValue());
                    return null;
                })
                .build();
        if (args.length >= 2) {
            crashLater(Long.parseLong(args[0]), Integer.parseInt(args[1]));
        }
        String maxBytes = System.getenv("JMCP_TEST_MAX_BYTES");
        if (maxBytes == null) {
            StdioServer.serve(server);
        } else {
            StdioServer.serve(
                    server,
                    StdioServerTransport.builder(System.in, StdioServerTransport.captureSystemStdout())
                            .codec(JsonRpcCodec.withLimits(new CodecLimits(Integer.parseInt(maxBytes), 128)))
                            .build());
        }
        server.close();
        System.err.println("mcp server: stdin closed, exiting");
    }

    private static ToolHandler printing() {
        return (req, ctx) -> {
            for (int i = 0; i < 50; i++) {
                System.out.println("stray output {not json " + i);
                System.out.print("partial line without newline ");
            }
            System.out.flush();
            return CallToolResult.text("printed");
        };
    }

    private static Tool tool(String name) {
        return Tool.builder(name, OBJECT_SCHEMA)
                .description("test tool " + name)
                .build();
    }

    private static void crashLater(long afterMillis, int code) {
        Thread crasher = new Thread(() -> {
            try {
                Thread.sleep(afterMillis);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("fatal: out of coffee");
            System.err.flush();
            Runtime.getRuntime().halt(code);
        });
        crasher.setDaemon(true);
        crasher.start();
    }
}
