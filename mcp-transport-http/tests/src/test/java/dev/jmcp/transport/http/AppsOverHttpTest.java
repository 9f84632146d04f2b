package dev.jmcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmcp.client.AppsClient;
import dev.jmcp.client.McpClient;
import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpRpcException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.apps.AppsProtocol;
import dev.jmcp.core.protocol.apps.UiCsp;
import dev.jmcp.core.protocol.apps.UiPermission;
import dev.jmcp.core.protocol.apps.UiToolMeta;
import dev.jmcp.core.protocol.apps.UiVisibility;
import dev.jmcp.core.protocol.resources.Resource;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.server.AppView;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import dev.jmcp.transport.http.client.StreamableHttpClientTransport;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MCP Apps (SEP-1865) over HTTP in both eras: a view served as a {@code ui://} resource with its security metadata,
 * tools linked to it (annotation and builder), the extension declared only to clients that declare it, and the
 * fallback for the others (app-only tools hidden and refused, linked tools served as ordinary tools).
 */
@Timeout(30)
class AppsOverHttpTest {
    enum Era {
        HANDSHAKE(ProtocolVersion.V2025_11_25),
        STATELESS(null);

        final ProtocolVersion pinned;

        Era(ProtocolVersion pinned) {
            this.pinned = pinned;
        }
    }

    static final String VIEW = "ui://weather/board";
    static final String HTML = "<!DOCTYPE html><html><body><div id=board></div>"
            + "<script>window.parent.postMessage({jsonrpc:'2.0',id:1,method:'ui/initialize',params:{}},'*')</script>"
            + "</body></html>";

    /** The tools: one the model calls (shows the board), one only the board calls. */
    public static final class Weather {
        /** A forecast. */
        public record Forecast(String city, int high) {}

        @McpTool(description = "The forecast, shown on the board", ui = VIEW)
        public Forecast forecast(String city) {
            return new Forecast(city, 21);
        }

        @McpTool(description = "Refreshes the board", ui = VIEW, uiVisibility = UiVisibility.APP)
        public Forecast refresh(String city) {
            return new Forecast(city, 22);
        }
    }

    static McpHttpServer start() {
        McpServer server = McpServer.builder()
                .name("apps")
                .version("1")
                .appView(AppView.builder(VIEW)
                        .name("Weather board")
                        .description("The forecast on a board")
                        .html(HTML)
                        .csp(UiCsp.connect("https://api.weather.example").withResources("https://cdn.example"))
                        .permissions(UiPermission.CLIPBOARD_WRITE, UiPermission.GEOLOCATION)
                        .domain("weather.example-sandbox.net")
                        .prefersBorder(false)
                        .build())
                .handlers(new Weather())
                .tool(
                        Tool.builder("radar", dev.jmcp.core.McpJson.parse("{\"type\":\"object\"}"))
                                .description("Radar picture, shown on the board by builder link")
                                .meta(AppView.toolMeta(VIEW, UiVisibility.MODEL, UiVisibility.APP))
                                .build(),
                        (request, ctx) -> CallToolResult.text("radar: clear"))
                .build();
        return McpHttpServer.builder(server).port(0).start();
    }

    private static McpClient client(McpHttpServer http, Era era, boolean withApps) {
        var b = McpClient.builder()
                .transport(StreamableHttpClientTransport.builder(http.uri()).build())
                .requestTimeout(Duration.ofSeconds(10));
        if (era.pinned != null) {
            b.protocolVersion(era.pinned);
        }
        if (withApps) {
            b.extension(AppsClient.extension());
        }
        McpClient client = b.build();
        client.connect();
        return client;
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aClientWithAppsSeesTheViewItsMetadataAndTheLinkedTools(Era era) {
        try (McpHttpServer http = start();
                McpClient client = client(http, era, true)) {
            AppsClient apps = AppsClient.of(client);
            assertThat(apps.isSupported()).isTrue();
            List<Tool> all = client.listAllTools();
            assertThat(all).extracting(Tool::name).containsExactlyInAnyOrder("forecast", "refresh", "radar");
            assertThat(apps.modelTools()).extracting(Tool::name).containsExactlyInAnyOrder("forecast", "radar");
            assertThat(apps.appOnlyTools()).extracting(Tool::name).containsExactly("refresh");
            Tool forecast = all.stream()
                    .filter(t -> t.name().equals("forecast"))
                    .findFirst()
                    .orElseThrow();
            assertThat(AppsClient.viewOf(forecast)).contains(UiToolMeta.of(VIEW));
            Tool radar = all.stream()
                    .filter(t -> t.name().equals("radar"))
                    .findFirst()
                    .orElseThrow();
            assertThat(AppsClient.viewOf(radar).orElseThrow().visibility())
                    .containsExactly(UiVisibility.MODEL, UiVisibility.APP);

            Resource listed = client.listAllResources().stream()
                    .filter(r -> r.uri().equals(VIEW))
                    .findFirst()
                    .orElseThrow();
            assertThat(listed.mimeType()).isEqualTo(AppsProtocol.MIME_TYPE);
            assertThat(listed.meta()
                            .path("ui")
                            .path("csp")
                            .path("connectDomains")
                            .get(0)
                            .asString())
                    .isEqualTo("https://api.weather.example");

            AppsClient.AppViewContent view = apps.readView(VIEW);
            assertThat(view.html()).isEqualTo(HTML);
            assertThat(view.meta().csp().connectDomains()).containsExactly("https://api.weather.example");
            assertThat(view.meta().csp().resourceDomains()).containsExactly("https://cdn.example");
            assertThat(view.meta().csp().frameDomains()).isNull();
            assertThat(view.meta().permissionSet())
                    .isEqualTo(Set.of(UiPermission.CLIPBOARD_WRITE, UiPermission.GEOLOCATION));
            assertThat(view.meta().permissions().has("clipboardWrite")).isTrue();
            assertThat(view.meta().permissions().get("clipboardWrite").isObject())
                    .isTrue();
            assertThat(view.meta().domain()).isEqualTo("weather.example-sandbox.net");
            assertThat(view.meta().prefersBorder()).isFalse();

            CallToolResult refreshed = client.callTool("refresh", Map.of("city", "Porto"));
            assertThat(refreshed.structuredContent().path("high").asInt()).isEqualTo(22);
        }
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aClientWithoutAppsGetsOrdinaryToolsAndNeverTheAppOnlyOne(Era era) {
        try (McpHttpServer http = start();
                McpClient client = client(http, era, false)) {
            assertThat(AppsClient.of(client).isSupported()).isFalse();
            assertThat(client.listAllTools()).extracting(Tool::name).containsExactlyInAnyOrder("forecast", "radar");
            CallToolResult forecast = client.callTool("forecast", Map.of("city", "Lisbon"));
            assertThat(forecast.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(forecast.content()).isNotEmpty();
            assertThat(forecast.structuredContent().path("city").asString()).isEqualTo("Lisbon");
            assertThatThrownBy(() -> client.callTool("refresh", Map.of("city", "Porto")))
                    .isInstanceOfSatisfying(
                            McpRpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS))
                    .hasMessageContaining("Unknown tool");
            // the view itself is an ordinary resource for them
            assertThat(client.readResource(VIEW).contents()).hasSize(1);
        }
    }

    @Test
    void mistakesAreRefusedWhenTheServerIsBuilt() {
        assertThatThrownBy(() -> McpServer.builder()
                        .name("x")
                        .version("1")
                        .tool(
                                Tool.builder("t", dev.jmcp.core.McpJson.parse("{\"type\":\"object\"}"))
                                        .meta(AppView.toolMeta("ui://nowhere/view"))
                                        .build(),
                                (request, ctx) -> CallToolResult.text("x"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ui://nowhere/view");
        assertThatThrownBy(() -> AppView.builder("https://example.com/view.html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ui://");
        assertThatThrownBy(() -> AppView.builder(VIEW).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> McpServer.builder()
                        .name("x")
                        .version("1")
                        .appView(AppView.builder(VIEW).html(HTML).build())
                        .appView(AppView.builder(VIEW).html(HTML).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("second app view");
    }
}
