package dev.jmcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.McpClient;
import dev.jmcp.client.McpClientBuilder;
import dev.jmcp.client.ServerDescription;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client whose stdio server process exits: pending and new calls fail naming the exit, and {@code connect()}
 * starts a new process from the client's transport factory, in both eras.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioReconnectTest {

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "discover"})
    void afterTheServerProcessExitsCallsFailClearlyAndConnectStartsANewProcess(String era) throws Exception {
        List<StdioClientTransport> started = new CopyOnWriteArrayList<>();
        List<ServerDescription> reconnects = new CopyOnWriteArrayList<>();
        Supplier<StdioClientTransport> processes = () -> {
            StdioClientTransport t = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                    .build();
            started.add(t);
            return t;
        };
        McpClientBuilder builder = McpClient.builder()
                .transport(processes)
                .clientInfo("stdio-reconnect", "1.0.0")
                .requestTimeout(Duration.ofSeconds(15))
                .onReconnected(reconnects::add);
        if (!era.equals("discover")) {
            builder.protocolVersion(ProtocolVersion.parse(era).orElseThrow());
        }
        ProtocolVersion expected = era.equals("discover")
                ? ProtocolVersion.LATEST
                : ProtocolVersion.parse(era).orElseThrow();
        try (McpClient client = builder.build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(expected);
            assertThat(text(client.callTool("echo", Map.of("text", "one")))).isEqualTo("one");

            CompletableFuture<CallToolResult> pending = client.async().callTool("sleep", Map.of("ms", 20000));
            assertThatThrownBy(() -> client.callTool("crash", Map.of("code", 3)))
                    .isInstanceOf(McpTransportException.class)
                    .hasMessageContaining("exited with code 3");
            assertThatThrownBy(() -> pending.get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .hasMessageContaining("exited with code 3");
            Poll.until("the client noticed", () -> !client.isConnected());
            assertThatThrownBy(() -> client.callTool("echo", Map.of("text", "lost")))
                    .isInstanceOf(McpTransportException.class)
                    .hasMessageContaining("exited with code 3")
                    .hasMessageContaining("call connect() to connect again");

            assertThat(client.connect().protocolVersion()).isEqualTo(expected);
            assertThat(text(client.callTool("echo", Map.of("text", "two")))).isEqualTo("two");
            assertThat(reconnects).hasSize(1);
            assertThat(started).hasSize(2);
            assertThat(started.get(0).exitCode()).hasValue(3);
        }
        assertThat(started.get(1).exitCode())
                .as("the second process exits on close")
                .hasValue(0);
    }

    @Test
    void aClientBuiltWithOneTransportInstanceSaysHowToReconnect() {
        StdioClientTransport transport = StdioClientTransport.builder(TestProcesses.java(McpStdioServerMain.class))
                .build();
        try (McpClient client = McpClient.builder()
                .transport(transport)
                .protocolVersion(ProtocolVersion.LATEST_HANDSHAKE)
                .requestTimeout(Duration.ofSeconds(15))
                .build()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("crash", Map.of("code", 4)))
                    .hasMessageContaining("exited with code 4");
            Poll.until("the client noticed", () -> !client.isConnected());
            assertThatThrownBy(client::connect)
                    .hasMessageContaining("can be started only once")
                    .hasMessageContaining("transport(Supplier)");
        }
    }
}
