package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.ServerDescription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.CodecLimits;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** A real {@code McpClient} talking to a real {@code McpServer} in a subprocess over stdio. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RealPeersStdioTest {

    /** A client pinned to the handshake era, where {@code ping} exists. */
    private static McpClient client(StdioClientTransport transport) {
        return McpClient.builder()
                .transport(transport)
                .protocolVersion(ProtocolVersion.LATEST_HANDSHAKE)
                .clientInfo("stdio-test", "1.0.0")
                .requestTimeout(Duration.ofSeconds(15))
                .build();
    }

    @Test
    void clientConnectsAndHundredsOfConcurrentPingsSucceed() throws Exception {
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .build();
        try (McpClient client = client(transport)) {
            ServerDescription server = client.connect();
            assertThat(server.serverInfo().name()).isEqualTo("jmcp-stdio-test");
            assertThat(server.protocolVersion()).isEqualTo(ProtocolVersion.LATEST_HANDSHAKE);
            List<CompletableFuture<Void>> pings = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                pings.add(client.async().ping());
            }
            CompletableFuture.allOf(pings.toArray(new CompletableFuture[0])).get(15, TimeUnit.SECONDS);
            client.ping();
        }
        assertThat(transport.exitCode()).as("exits cleanly on stdin EOF").hasValue(0);
        assertThat(transport.recentStderr()).contains("mcp server: stdin closed, exiting");
    }

    @Test
    void clientDiscoversTheStatelessEraOverStdio() throws Exception {
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .build();
        try (McpClient client = McpClient.builder()
                .transport(transport)
                .clientInfo("stdio-test", "1.0.0")
                .build()) {
            ServerDescription server = client.connect();
            assertThat(server.protocolVersion()).isEqualTo(ProtocolVersion.LATEST);
            assertThat(server.serverInfo().name()).isEqualTo("jmcp-stdio-test");
        }
        assertThat(transport.exitCode()).hasValue(0);
    }

    @Test
    void serverThatDiesFailsCallsWithItsExitCodeAndStderr() throws Exception {
        StdioClientTransport transport = StdioClientTransport.builder(
                        TestProcesses.java(McpStdioServerMain.class, "1500", "42"))
                .build();
        try (McpClient client = client(transport)) {
            client.connect();
            assertThatThrownBy(() -> {
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                        while (System.nanoTime() < deadline) {
                            client.ping();
                            Thread.sleep(20);
                        }
                    })
                    .isInstanceOf(McpTransportException.class)
                    .hasMessageContaining("exited with code 42")
                    .hasMessageContaining("fatal: out of coffee");
        }
        assertThat(transport.exitCode()).hasValue(42);
    }

    @Test
    void malformedLinesAreAnsweredOnStdoutAndTheServerKeepsServing() throws Exception {
        Process process = new ProcessBuilder(TestProcesses.java(McpStdioServerMain.class))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader stdout =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Callable<JsonNode> nextLine = () -> McpJson.parse(stdout.readLine());
            stdin.write("{this is not json\n");
            stdin.write("{\"jsonrpc\":\"2.0\",\"id\":1}\n");
            stdin.write("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n");
            stdin.flush();
            JsonNode parseError = reader.submit(nextLine).get(15, TimeUnit.SECONDS);
            assertThat(parseError.at("/error/code").intValue()).isEqualTo(-32700);
            assertThat(parseError.get("id").isNull()).isTrue();
            JsonNode invalid = reader.submit(nextLine).get(15, TimeUnit.SECONDS);
            assertThat(invalid.at("/error/code").intValue()).isEqualTo(-32600);
            assertThat(invalid.get("id").intValue()).isEqualTo(1);
            JsonNode init = reader.submit(nextLine).get(15, TimeUnit.SECONDS);
            assertThat(init.get("id").intValue()).isEqualTo(2);
            assertThat(init.at("/result/serverInfo/name").asString()).isEqualTo("jmcp-stdio-test");
            stdin.close();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            reader.shutdownNow();
            process.destroyForcibly();
        }
    }

    private static String text(CallToolResult result) {
        assertThat(result.isError()).as("tool error: %s", result).isNotEqualTo(Boolean.TRUE);
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void hundredsOfConcurrentToolCallsInTheStatelessEraAreAnsweredAsTheyFinish() throws Exception {
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .build();
        try (McpClient client = McpClient.builder()
                .transport(transport)
                .clientInfo("stdio-test", "1.0.0")
                .requestTimeout(Duration.ofSeconds(15))
                .build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.LATEST);
            CompletableFuture<CallToolResult> slow = client.async().callTool("sleep", Map.of("ms", 2000));
            List<CompletableFuture<CallToolResult>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(
                        i % 2 == 0
                                ? client.async().callTool("echo", Map.of("text", "call " + i))
                                : client.async().callTool("sleep", Map.of("ms", i % 10)));
            }
            for (int i = 0; i < calls.size(); i++) {
                String answer = text(calls.get(i).get(15, TimeUnit.SECONDS));
                assertThat(answer).isEqualTo(i % 2 == 0 ? "call " + i : "slept " + (i % 10));
            }
            assertThat(slow)
                    .as("the slow call is still running after 300 fast ones")
                    .isNotDone();
            assertThat(text(slow.get(15, TimeUnit.SECONDS))).isEqualTo("slept 2000");
        }
        assertThat(transport.exitCode()).hasValue(0);
    }

    @Test
    void multiMegabyteToolArgumentsAndResultsTravelOverStdio() throws Exception {
        int limit = 16 * 1024 * 1024;
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .environment("JMCP_TEST_MAX_BYTES", String.valueOf(limit))
                .codec(JsonRpcCodec.withLimits(new CodecLimits(limit, 128)))
                .build();
        try (McpClient client = client(transport)) {
            client.connect();
            String payload = "\u00e9t\u00e9 ".repeat(1024 * 1024); // 6 MiB of UTF-8
            assertThat(text(client.callTool("echo", Map.of("text", payload)))).isEqualTo(payload);
            assertThat(text(client.callTool("big", Map.of("bytes", 10 * 1024 * 1024))))
                    .hasSize(10 * 1024 * 1024);
        }
    }

    @Test
    void toolThatCrashesTheServerFailsEveryPendingCallWithExitCodeAndStderr() throws Exception {
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .build();
        try (McpClient client = client(transport)) {
            client.connect();
            CompletableFuture<CallToolResult> pending = client.async().callTool("sleep", Map.of("ms", 20000));
            CompletableFuture<CallToolResult> crash = client.async().callTool("crash", Map.of("code", 3));
            for (CompletableFuture<CallToolResult> f : List.of(pending, crash)) {
                assertThatThrownBy(() -> f.get(15, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(McpTransportException.class)
                        .hasMessageContaining("exited with code 3")
                        .hasMessageContaining("fatal: database unreachable")
                        .hasMessageContaining("giving up");
            }
        }
        assertThat(transport.exitCode()).hasValue(3);
    }

    @Test
    void strayPrintsFromAToolHandlerGoToStderrNotTheProtocolStream() throws Exception {
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .build();
        try (McpClient client = client(transport)) {
            client.connect();
            assertThat(text(client.callTool("print", Map.of()))).isEqualTo("printed");
            for (int i = 0; i < 20; i++) {
                assertThat(text(client.callTool("echo", Map.of("text", "after " + i))))
                        .isEqualTo("after " + i);
            }
            assertThat(String.join("\n", transport.recentStderr())).contains("stray output {not json 49");
        }
        assertThat(transport.exitCode()).hasValue(0);
    }
}
