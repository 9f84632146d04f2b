package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import dev.jmcp.testsupport.Poll;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against the real jmcp McpServer (skeleton stage: lifecycle only). */
class RealServerTest {

    @Test
    void defaultConnectDiscoversTheStatelessEra() {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        try (McpServer server = McpServer.builder().name("real").version("1").build();
                McpClient client = McpClient.builder()
                        .transport(pair.clientSide())
                        .requestTimeout(Duration.ofSeconds(5))
                        .build()) {
            server.connect(pair.serverSide());
            ServerDescription d = client.connect();
            assertThat(d.protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
            assertThat(d.supportedVersions()).contains("2026-07-28");
            assertThatThrownBy(client::ping).isInstanceOf(MissingServerCapabilityException.class);
        }
    }

    @Test
    void pinnedHandshakeInitializesAndPings() {
        InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
        try (McpServer server = McpServer.builder()
                        .name("real")
                        .version("1")
                        .instructions("hi")
                        .build();
                McpClient client = McpClient.builder()
                        .transport(pair.clientSide())
                        .protocolVersion(ProtocolVersion.V2025_11_25)
                        .requestTimeout(Duration.ofSeconds(5))
                        .build()) {
            var session = server.connect(pair.serverSide());
            ServerDescription d = client.connect();
            assertThat(d.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
            assertThat(d.serverInfo().name()).isEqualTo("real");
            assertThat(d.instructions()).isEqualTo("hi");
            client.ping();
            Poll.until("session::isInitialized", session::isInitialized);
        }
    }
}
