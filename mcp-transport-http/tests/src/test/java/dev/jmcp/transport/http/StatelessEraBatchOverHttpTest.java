package dev.jmcp.transport.http;

import static dev.jmcp.transport.http.SessionTestSupport.errorCode;
import static dev.jmcp.transport.http.SessionTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.transport.http.jetty.McpHttpServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2026-07-28 batch cannot slip past the {@code Mcp-Method}/{@code Mcp-Name} and envelope checks: batches were
 * removed in 2025-06-18, so the era refuses them before anything reaches the server (#14, A6).
 */
@Timeout(30)
class StatelessEraBatchOverHttpTest {
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private static final String LIST =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + META + "}}";
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
            + "\"name\":\"delete-everything\"," + META + "}}";

    @Test
    void aStatelessEraBatchIsRefusedBeforeItReachesTheServer() throws Exception {
        FakeServer fake = new FakeServer();
        try (McpHttpServer http = McpHttpServer.builder(fake).start()) {
            // a gateway authorizing on Mcp-Method sees tools/list; the second element calls a tool
            HttpResponse<String> byHeader = post(
                    http.uri(),
                    "[" + LIST + "," + CALL + "]",
                    Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
            assertThat(byHeader.statusCode()).isEqualTo(400);
            assertThat(errorCode(byHeader)).isEqualTo(ErrorCodes.INVALID_REQUEST);

            String ping = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";
            HttpResponse<String> byElement =
                    post(http.uri(), "[" + ping + "," + CALL + "]", Map.of("Mcp-Method", "ping"));
            assertThat(byElement.statusCode()).isEqualTo(400);
            assertThat(errorCode(byElement)).isEqualTo(ErrorCodes.INVALID_REQUEST);

            assertThat(fake.transports).isEmpty();
        }
    }

    @Test
    void aStatelessServerChecksEveryElementOfAHandshakeEraBatchAgainstTheHeaders() throws Exception {
        FakeServer fake = new FakeServer();
        try (McpHttpServer http =
                McpHttpServer.builder(fake).servlet(s -> s.stateless(true)).start()) {
            String ping = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";
            String call = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}";
            HttpResponse<String> r = post(
                    http.uri(),
                    "[" + ping + "," + call + "]",
                    Map.of("MCP-Protocol-Version", "2025-03-26", "Mcp-Method", "ping"));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(errorCode(r)).isEqualTo(ErrorCodes.HEADER_MISMATCH);
            assertThat(fake.transports).isEmpty();
        }
    }
}
