package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.AppsClient;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.apps.UiPermission;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Interop with the MCP Apps TypeScript SDK ({@code @modelcontextprotocol/ext-apps} on npm, SEP-1865): the SDK's
 * host-side helpers read a jmcp server's app tools and views (view links, app-only visibility, the view's {@code
 * _meta.ui} validated by the SDK's own schema) in both eras, and the jmcp client reads a server built with the SDK's
 * {@code registerAppTool}/{@code registerAppResource} in both eras. Needs {@code node} and a {@code node_modules}
 * with the SDKs ({@code interop/node_modules}, or {@code JMCP_APPS_NODE_MODULES}); skipped (not passed) without.
 */
@Timeout(90)
class AppsInteropTest {
    @TempDir
    static Path work;

    static Path scripts;

    @BeforeAll
    static void prepare() throws Exception {
        scripts = NodePeers.scripts(
                work,
                "JMCP_APPS_NODE_MODULES",
                "@modelcontextprotocol/ext-apps",
                List.of("ts-apps-host-http.mjs", "ts-apps-server-http.mjs", "lib/v2-http.mjs"));
    }

    @Test
    void theAppsSdkHostReadsAJmcpServersAppToolsAndViewsInBothEras() throws Exception {
        try (McpHttpServer http = AppsOverHttpTest.start()) {
            for (String era : List.of("auto", "legacy")) {
                NodePeers.Run run = NodePeers.run(
                        scripts.resolve("ts-apps-host-http.mjs"),
                        "http://localhost:" + http.uri().getPort() + "/mcp",
                        era);
                assertThat(run.exitCode()).as(era + ": " + run.output()).isZero();
                JsonNode out = McpJson.parse(run.lastJsonLine());
                assertThat(out.path("declared").asBoolean()).as(era).isTrue();
                JsonNode tools = out.path("tools");
                assertThat(tools.path("forecast").path("uri").asString()).isEqualTo(AppsOverHttpTest.VIEW);
                assertThat(tools.path("forecast").path("appOnly").asBoolean()).isFalse();
                assertThat(tools.path("radar").path("appOnly").asBoolean()).isFalse();
                assertThat(tools.path("refresh").path("appOnly").asBoolean()).isTrue();
                JsonNode view = out.path("views").path(AppsOverHttpTest.VIEW);
                assertThat(view.path("mimeType").asString()).isEqualTo("text/html;profile=mcp-app");
                assertThat(view.path("htmlChars").asInt()).isEqualTo(AppsOverHttpTest.HTML.length());
                assertThat(view.path("connectDomains").get(0).asString()).isEqualTo("https://api.weather.example");
                assertThat(view.path("allow").asString()).contains("clipboard-write", "geolocation");
                assertThat(view.path("prefersBorder").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void theJmcpClientReadsAServerBuiltWithTheAppsSdkInBothEras() throws Exception {
        int port = NodePeers.freePort();
        Process node = NodePeers.startServer(scripts.resolve("ts-apps-server-http.mjs"), String.valueOf(port));
        try {
            for (ProtocolVersion v : List.of(ProtocolVersion.V2025_11_25, ProtocolVersion.V2026_07_28)) {
                try (McpClient c = McpClient.builder()
                        .transport(
                                StreamableHttpClientTransport.create(URI.create("http://localhost:" + port + "/mcp")))
                        .protocolVersion(v)
                        .extension(AppsClient.extension())
                        .requestTimeout(Duration.ofSeconds(10))
                        .build()) {
                    c.connect();
                    AppsClient apps = AppsClient.of(c);
                    assertThat(apps.modelTools())
                            .extracting(Tool::name)
                            .as(v.id())
                            .containsExactly("show_clock");
                    assertThat(apps.appOnlyTools())
                            .extracting(Tool::name)
                            .as(v.id())
                            .containsExactly("tick");
                    Tool clock = apps.modelTools().get(0);
                    String uri = AppsClient.viewOf(clock).orElseThrow().resourceUri();
                    assertThat(uri).isEqualTo("ui://clock/view.html");
                    AppsClient.AppViewContent view = apps.readView(uri);
                    assertThat(view.html()).contains("clock");
                    assertThat(view.meta().csp().connectDomains()).containsExactly("https://time.example");
                    assertThat(view.meta().permissionSet()).isEqualTo(Set.of(UiPermission.CLIPBOARD_WRITE));
                    assertThat(view.meta().prefersBorder()).isTrue();
                }
            }
        } finally {
            NodePeers.stop(node);
        }
    }
}
