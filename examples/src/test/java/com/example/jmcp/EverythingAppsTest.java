package com.example.jmcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.jmcp.server.EverythingApps;
import com.example.jmcp.server.EverythingServer;
import com.example.jmcp.server.Serving;
import dev.jmcp.client.AppsClient;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.McpServer;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The everything-server's dice view (MCP Apps, SEP-1865): linked, readable, and its app-only tool callable. */
class EverythingAppsTest {
    static McpServer server;
    static McpHttpServer http;

    @BeforeAll
    static void start() {
        server = EverythingServer.create();
        http = Serving.http(server, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = ProtocolVersion.class,
            names = {"V2025_11_25", "V2026_07_28"})
    void theDiceViewIsLinkedReadAndRollsAgain(ProtocolVersion version) {
        try (McpClient c = McpClient.builder()
                .transport(StreamableHttpClientTransport.create(http.uri()))
                .protocolVersion(version)
                .extension(AppsClient.extension())
                .requestTimeout(Duration.ofSeconds(20))
                .build()) {
            c.connect();
            AppsClient apps = AppsClient.of(c);
            assertThat(apps.isSupported()).isTrue();
            Tool roll = apps.modelTools().stream()
                    .filter(t -> t.name().equals("roll_dice"))
                    .findFirst()
                    .orElseThrow();
            assertThat(AppsClient.viewOf(roll).orElseThrow().resourceUri()).isEqualTo(EverythingApps.DICE_VIEW);
            assertThat(apps.appOnlyTools()).extracting(Tool::name).containsExactly("reroll_dice");
            AppsClient.AppViewContent view = apps.readView(EverythingApps.DICE_VIEW);
            assertThat(view.html()).contains("ui/initialize", "reroll_dice");
            assertThat(view.meta().prefersBorder()).isTrue();
            CallToolResult again = c.callTool("reroll_dice", Map.of());
            assertThat(again.structuredContent().path("value").asInt()).isBetween(1, 6);
        }
    }
}
