package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.ServerDescription;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
}
