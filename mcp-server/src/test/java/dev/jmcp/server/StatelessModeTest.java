package dev.jmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.Icon;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatelessModeTest {
    final McpServer server = McpServer.builder()
            .name("s")
            .version("1")
            .title("Stateless")
            .description("desc")
            .websiteUrl("https://example.com")
            .icons(List.of(Icon.of("https://example.com/i.png")))
            .tool(
                    Tool.builder("v", McpJson.parse("{\"type\":\"object\"}"))
                            .description("version")
                            .build(),
                    (req, ctx) -> CallToolResult.text(ctx.protocolVersion().id()))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void statelessExchangeServesWithoutInitializeUsingHeaderVersionElseDefault() {
        try (RawClient c = RawClient.stateless(server)) {
            assertThat(c.call("tools/call", "{\"name\":\"v\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("2025-03-26");
            assertThat(c.serverSession.isInitialized()).isFalse();
        }
        var pair = dev.jmcp.core.testing.InMemoryTransport.linkedPair();
        pair.serverSide()
                .withInboundContext(new InboundContext(
                        null, TransportMetadata.NONE, new MessageEnvelope(null, null, "2025-06-18", Map.of())));
        server.connectStateless(pair.serverSide());
        try (var client = dev.jmcp.core.session.McpSession.builder(pair.clientSide())
                .build()
                .start()) {
            JsonNode r = RawClient.await(client.request("tools/call", McpJson.parse("{\"name\":\"v\"}")));
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("2025-06-18");
        }
    }

    @Test
    void statelessExchangeServes2026RequestsFromTheirMeta() {
        try (RawClient c = RawClient.stateless(server)) {
            JsonNode r = c.call26("tools/call", "{\"name\":\"v\"}");
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("2026-07-28");
            assertThat(r.get("_meta")
                            .get("io.modelcontextprotocol/serverInfo")
                            .get("icons")
                            .get(0)
                            .get("src")
                            .asString())
                    .isEqualTo("https://example.com/i.png");
        }
    }

    @Test
    void handshakeSessionAlsoServesStatelessRequests() {
        try (RawClient c = RawClient.connect(server).initialize("2025-06-18", "{}")) {
            assertThat(c.call26("tools/call", "{\"name\":\"v\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("2026-07-28");
            assertThat(c.call("tools/call", "{\"name\":\"v\"}")
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("2025-06-18");
        }
    }

    @Test
    void serverInfoCarriesTitleDescriptionWebsiteAndIcons() {
        try (RawClient c = RawClient.connect(server)) {
            JsonNode info = c.call("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}")
                    .get("serverInfo");
            assertThat(info.get("title").asString()).isEqualTo("Stateless");
            assertThat(info.get("description").asString()).isEqualTo("desc");
            assertThat(info.get("websiteUrl").asString()).isEqualTo("https://example.com");
            assertThat(info.get("icons")).hasSize(1);
        }
    }

    @Test
    void statelessHeaderNaming2026WithoutMetaIsInvalidParams() {
        var pair = dev.jmcp.core.testing.InMemoryTransport.linkedPair();
        pair.serverSide()
                .withInboundContext(new InboundContext(
                        null, TransportMetadata.NONE, new MessageEnvelope(null, null, "2026-07-28", Map.of())));
        server.connectStateless(pair.serverSide());
        try (var client = dev.jmcp.core.session.McpSession.builder(pair.clientSide())
                .build()
                .start()) {
            try {
                RawClient.await(client.request("tools/list", McpJson.object()));
                throw new AssertionError("expected an error");
            } catch (dev.jmcp.core.McpRpcException e) {
                assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
            }
        }
    }
}
