package dev.jmcp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.testing.InMemoryTransport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Sessions built from one shared {@link SessionHandlers} use it as is; a session's own handlers copy it. */
@Timeout(30)
class SessionHandlersTest {
    private final SessionHandlers shared =
            SessionHandlers.builder().requestHandler("echo", r -> r.params()).build();

    @Test
    void sessionsBuiltFromASharedTableUseTheSameTable() {
        McpSession a = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .handlers(shared)
                .build();
        McpSession b = McpSession.builder(InMemoryTransport.linkedPair().serverSide())
                .handlers(shared)
                .build();
        assertThat(a.handlers()).isSameAs(shared).isSameAs(b.handlers());
    }

    @Test
    void aSessionThatOnlyAnswersCreatesNoOutboundTable() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        McpSession server = McpSession.builder(pair.serverSide())
                .handlers(shared)
                .attachment("owner")
                .build()
                .start();
        try (McpSession client = McpSession.builder(pair.clientSide()).build().start()) {
            JsonNode r = client.request("echo", McpJson.parse("{\"x\":1}")).get(10, TimeUnit.SECONDS);
            assertThat(r.get("x").intValue()).isEqualTo(1);
            assertThat(client.request("ping", null).get(10, TimeUnit.SECONDS).isEmpty())
                    .isTrue();
        }
        assertThat(server.attachment()).isEqualTo("owner");
        assertThat(server.hasOutboundTable()).isFalse();
        server.close();
    }

    @Test
    void ownHandlersExtendTheSharedTableWithoutChangingIt() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        McpSession server = McpSession.builder(pair.serverSide())
                .handlers(shared)
                .requestHandler("other", r -> McpJson.parse("{\"other\":true}"))
                .build()
                .start();
        assertThat(server.handlers()).isNotSameAs(shared);
        assertThat(shared.requestHandler("other")).isNull();
        try (McpSession client = McpSession.builder(pair.clientSide()).build().start()) {
            assertThat(client.request("other", null)
                            .get(10, TimeUnit.SECONDS)
                            .get("other")
                            .booleanValue())
                    .isTrue();
            assertThat(client.request("echo", McpJson.parse("{\"y\":2}"))
                            .get(10, TimeUnit.SECONDS)
                            .get("y")
                            .intValue())
                    .isEqualTo(2);
        }
        server.close();
    }
}
