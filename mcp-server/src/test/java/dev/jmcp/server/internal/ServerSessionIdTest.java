package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServerSessionIdTest {
    final McpServer server = McpServer.builder()
            .name("s")
            .version("1")
            .tool(
                    Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                            .description("echo")
                            .build(),
                    (req, ctx) -> CallToolResult.text("ok"))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void statelessExchangeNeverDrawsARandomId() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        ServerSessionImpl session = (ServerSessionImpl) server.connectStateless(pair.serverSide());
        try (McpSession client = McpSession.builder(pair.clientSide()).build().start()) {
            JsonNode r = client.request("tools/call", McpJson.parse("{\"name\":\"echo\"}"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(r.get("content").get(0).get("text").asString()).isEqualTo("ok");
        }
        session.closeFuture().get(10, TimeUnit.SECONDS);
        assertThat(session.idDrawn()).isFalse();
    }

    @Test
    void idIsDrawnOnFirstUseAndStable() {
        var pair = InMemoryTransport.linkedPair();
        ServerSessionImpl session = (ServerSessionImpl) server.connect(pair.serverSide());
        assertThat(session.idDrawn()).isFalse();
        String id = session.id();
        assertThat(id).hasSize(48).matches("[0-9a-f]+");
        assertThat(session.id()).isEqualTo(id);
        assertThat(session.idDrawn()).isTrue();
        session.close();
    }
}
