package dev.jmcp.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.client.McpClient;
import dev.jmcp.core.protocol.content.TextContent;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kit in its shortest form: an annotated handler object served in memory, a client injected per test. */
@McpTest
@Timeout(10)
class InMemoryKitTest {

    /** The handlers under test. */
    public static class Calculator {
        @McpTool(description = "Adds two integers")
        public int add(int a, int b) {
            return a + b;
        }
    }

    @McpTestServer
    static Object server() {
        return new Calculator();
    }

    @Test
    void anInjectedClientIsConnectedToTheHandlers(McpClient client) {
        assertThat(client.isConnected()).isTrue();
        assertThat(((TextContent) client.callTool("add", Map.of("a", 2, "b", 3))
                                .content()
                                .get(0))
                        .text())
                .isEqualTo("5");
        assertThat(client.server().serverInfo().name()).isEqualTo("test-server");
    }

    @Test
    void everyClientParameterIsItsOwnConnectionToTheOneServer(McpClient first, McpClient second, McpServer server) {
        assertThat(first).isNotSameAs(second);
        assertThat(first.callTool("add", Map.of("a", 1, "b", 1)).isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(second.callTool("add", Map.of("a", 1, "b", 1)).isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(server.sessions()).hasSizeGreaterThanOrEqualTo(2);
    }

    /** A nested class shares the enclosing class's server. */
    @Nested
    class Nested_ {
        @Test
        void getsAClientOfTheEnclosingServer(McpClient client, McpServer server) {
            assertThat(client.server().serverInfo().name()).isEqualTo("test-server");
            assertThat(server.sessions()).isNotEmpty();
        }
    }
}
