package dev.jmcp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.core.McpException;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandshakeNegotiationTest {

    @Test
    void discoverMethodNotFoundFallsBackToInitialize() throws Exception {
        try (FakeServer server = FakeServer.handshake("2025-06-18", "{\"tools\":{\"listChanged\":true}}");
                McpClient client =
                        server.client().clientInfo("test-client", "1.2").build()) {
            ServerDescription d = client.connect();

            assertThat(server.methods()).containsExactly("server/discover", "initialize");
            assertThat(d.protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);
            assertThat(d.capabilities().tools()).isNotNull();
            assertThat(d.serverInfo().name()).isEqualTo("fake");
            assertThat(d.instructions()).isEqualTo("be nice");
            assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);
            FakeServer.Received init = server.last("initialize");
            assertThat(init.params().get("protocolVersion").asString()).isEqualTo("2025-11-25");
            assertThat(init.params().get("clientInfo").get("name").asString()).isEqualTo("test-client");
            assertThat(init.params().get("clientInfo").get("version").asString())
                    .isEqualTo("1.2");
            server.nextNotification("notifications/initialized");
            assertThat(server.pair.clientSide()).isNotNull();
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void everyHandshakeVersionIsAccepted() {
        for (String v : ProtocolVersion.handshakeIds()) {
            try (FakeServer server = FakeServer.handshake(v, "{}");
                    McpClient client = server.client().build()) {
                assertThat(client.connect().protocolVersion().id()).isEqualTo(v);
            }
        }
    }

    @Test
    void pinnedHandshakeVersionSkipsDiscovery() {
        try (FakeServer server = FakeServer.handshake("2025-03-26", "{}");
                McpClient client = server.client()
                        .protocolVersion(ProtocolVersion.V2025_03_26)
                        .build()) {
            client.connect();
            assertThat(server.methods()).containsExactly("initialize");
            assertThat(server.last("initialize").params().get("protocolVersion").asString())
                    .isEqualTo("2025-03-26");
        }
    }

    @Test
    void unknownVersionInInitializeAnswerClosesWithClearError() {
        try (FakeServer server = FakeServer.handshake("1999-01-01", "{}");
                McpClient client = server.client().build()) {
            assertThatThrownBy(client::connect)
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("1999-01-01")
                    .hasMessageContaining("does not speak");
            assertThat(server.pair.clientSide().isClosed()).isTrue();
            assertThat(client.isConnected()).isFalse();
        }
    }

    @Test
    void statelessVersionInInitializeAnswerIsRefused() {
        try (FakeServer server = FakeServer.handshake("2026-07-28", "{}");
                McpClient client = server.client().build()) {
            assertThatThrownBy(client::connect).hasMessageContaining("2026-07-28");
        }
    }

    @Test
    void initializeErrorFailsConnect() {
        try (FakeServer server = new FakeServer().on("initialize", r -> {
                    throw new McpRpcException(-32602, "Unsupported protocol version");
                });
                McpClient client = server.client().build()) {
            assertThatThrownBy(client::connect)
                    .isInstanceOf(McpRpcException.class)
                    .hasMessageContaining("Unsupported protocol version");
        }
    }

    @Test
    void discoverListingOnlyHandshakeVersionsFallsBack() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}")
                        .onJson("server/discover", "{\"supportedVersions\":[\"2025-11-25\"],\"capabilities\":{}}");
                McpClient client = server.client().build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
            assertThat(server.methods()).containsExactly("server/discover", "initialize");
        }
    }

    @Test
    void unansweredDiscoverFallsBackAfterTheDiscoveryTimeout() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}").on("server/discover", r -> {
                    Thread.sleep(10_000);
                    return McpJson.object();
                });
                McpClient client =
                        server.client().discoveryTimeout(Duration.ofMillis(200)).build()) {
            assertThat(client.connect().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
        }
    }

    @Test
    void capabilitiesFollowTheRegisteredHandlers() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client()
                        .roots(java.util.List::of)
                        .sampling(r -> null, SamplingToolUse.TOOLS)
                        .elicitation(r -> null, ElicitationMode.FORM, ElicitationMode.URL)
                        .build()) {
            client.connect();
            assertThat(server.last("initialize").params().get("capabilities"))
                    .isEqualTo(McpJson.parse("{\"sampling\":{\"tools\":{}},\"elicitation\":{\"form\":{},\"url\":{}},"
                            + "\"roots\":{\"listChanged\":true}}"));
        }
    }

    @Test
    void callsBeforeConnectFail() {
        try (FakeServer server = FakeServer.handshake("2025-11-25", "{}");
                McpClient client = server.client().build()) {
            assertThatThrownBy(client::listTools).hasMessageContaining("not connected");
        }
    }
}
