package com.example.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.Main;
import com.example.jmcp.server.Serving;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.protocol.tools.ToolExecution;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code client --http URL tools call NAME} against a real server over HTTP on 127.0.0.1: a tool whose
 * {@code execution.taskSupport} is {@code required} is called as a task and its result printed, in both eras.
 */
@Timeout(60)
class ToolsCallTaskCliTest {
    private static final AtomicInteger CALLS = new AtomicInteger();
    static McpServer server;
    static McpHttpServer http;

    @BeforeAll
    static void start() {
        server = McpServer.builder()
                .name("task-tools")
                .version("1")
                .tool(
                        Tool.builder("long_job", McpJson.parse("{\"type\":\"object\"}"))
                                .description("runs only as a task")
                                .execution(ToolExecution.of(ToolExecution.TaskSupport.REQUIRED))
                                .build(),
                        (request, ctx) -> CallToolResult.text("job done #" + CALLS.incrementAndGet()))
                .build();
        http = Serving.http(server, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void cliCallsAToolThatRequiresATaskAsATask(String protocol) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = cli(
                buf,
                "client",
                "--http",
                http.uri().toString(),
                "--protocol",
                protocol,
                "--timeout",
                "20",
                "tools",
                "call",
                "long_job");
        assertThat(exit).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("job done #");
    }

    /** Runs the example CLI with {@code args}, its standard output going to {@code out}; returns the exit code. */
    private static int cli(ByteArrayOutputStream out, String... args) {
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(old);
        }
    }
}
