package dev.jmcp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.protocol.tools.CallToolResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.session.McpSession;
import dev.jmcp.core.testing.InMemoryTransport;
import dev.jmcp.server.McpServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** A stateless exchange shares the server's dispatch table and is not listed among its sessions. */
@Timeout(30)
class StatelessExchangeCostTest {
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final McpServer server = McpServer.builder()
            .name("s")
            .version("1")
            .tool(
                    Tool.builder("echo", McpJson.parse("{\"type\":\"object\"}"))
                            .description("echo")
                            .build(),
                    (req, ctx) -> CallToolResult.text("ok"))
            .tool(
                    Tool.builder("hold", McpJson.parse("{\"type\":\"object\"}"))
                            .description("waits for the test")
                            .build(),
                    (req, ctx) -> {
                        running.countDown();
                        release.await();
                        return CallToolResult.text("released");
                    })
            .build();

    @AfterEach
    void close() {
        release.countDown();
        server.close();
    }

    private static JsonNode call(McpSession client, String tool) throws Exception {
        return client.request("tools/call", McpJson.parse("{\"name\":\"" + tool + "\"}"))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void exchangesShareOneDispatchTableWithTheServersSessions() throws Exception {
        ServerSessionImpl first = (ServerSessionImpl)
                server.connectStateless(InMemoryTransport.linkedPair().serverSide());
        ServerSessionImpl second = (ServerSessionImpl)
                server.connectStateless(InMemoryTransport.linkedPair().serverSide());
        ServerSessionImpl session = (ServerSessionImpl)
                server.connect(InMemoryTransport.linkedPair().serverSide());
        assertThat(first.engine().handlers())
                .isSameAs(second.engine().handlers())
                .isSameAs(session.engine().handlers());
        first.close();
        second.close();
        session.close();
    }

    @Test
    void exchangeIsNotListedWhileItsHandlerRunsNorAfterwards() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        ServerSessionImpl exchange = (ServerSessionImpl) server.connectStateless(pair.serverSide());
        try (McpSession client = McpSession.builder(pair.clientSide()).build().start()) {
            var answer = client.request("tools/call", McpJson.parse("{\"name\":\"hold\"}"));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.sessions()).isEmpty();
            release.countDown();
            assertThat(answer.get(10, TimeUnit.SECONDS)
                            .get("content")
                            .get(0)
                            .get("text")
                            .asString())
                    .isEqualTo("released");
            assertThat(call(client, "echo").get("content").get(0).get("text").asString())
                    .isEqualTo("ok");
        }
        exchange.closeFuture().get(10, TimeUnit.SECONDS);
        assertThat(server.sessions()).isEmpty();
        assertThat(exchange.engine().pendingRequests()).isZero();
    }

    @Test
    void closingTheServerCancelsARunningExchange() throws Exception {
        var pair = InMemoryTransport.linkedPair();
        ServerSessionImpl exchange = (ServerSessionImpl) server.connectStateless(pair.serverSide());
        try (McpSession client = McpSession.builder(pair.clientSide()).build().start()) {
            client.request("tools/call", McpJson.parse("{\"name\":\"hold\"}"));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            server.close();
            exchange.closeFuture().get(10, TimeUnit.SECONDS);
            assertThat(exchange.engine().isOpen()).isFalse();
            assertThat(exchange.engine().inFlightRequests()).isZero();
        }
    }
}
