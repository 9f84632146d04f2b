package dev.jmcp.transport.http.servlet.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardHeadersCheckTest {
    private final StandardHeadersCheck check = new StandardHeadersCheck();
    private static final String CALL = Posts.request(3, "tools/call", Posts.modernParams("\"name\":\"add\""));

    @Test
    void modernRequestWithMatchingHeadersPasses() {
        var post = Posts.post(CALL, Map.of("Mcp-Method", "tools/call", "Mcp-Name", "add"));
        assertThat(check.check(post)).isEmpty();
    }

    @Test
    void modernRequestWithoutMcpMethodIsAHeaderMismatch() {
        assertThat(check.check(Posts.post(CALL, Map.of()))).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(ErrorCodes.HEADER_MISMATCH);
        });
    }

    @Test
    void mcpNameNamingAnotherToolIsAHeaderMismatch() {
        var post = Posts.post(CALL, Map.of("Mcp-Method", "tools/call", "Mcp-Name", "sub"));
        assertThat(check.check(post))
                .hasValueSatisfying(r -> assertThat(r.body().error().message()).contains("Mcp-Name sub"));
    }

    @Test
    void modernRequestWithoutClientCapabilitiesIsInvalidParams() {
        String params = "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}";
        var post = Posts.post(Posts.request(4, "ping", params), Map.of("Mcp-Method", "ping"));
        assertThat(check.check(post)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        });
    }

    @Test
    void handshakeEraRequestNeedsNoHeaders() {
        assertThat(check.check(Posts.post(Posts.request(1, "tools/list", "{}"), Map.of())))
                .isEmpty();
    }

    @Test
    void aStatelessEraBatchIsRefusedWhicheverElementCarriesTheVersion() {
        String ping = Posts.request(1, "ping", "{}");
        var byHeader =
                Posts.post("[" + CALL + "]", Map.of("Mcp-Method", "tools/call", "MCP-Protocol-Version", "2026-07-28"));
        var bySecondElement = Posts.post("[" + ping + "," + CALL + "]", Map.of("Mcp-Method", "ping"));
        for (var post : java.util.List.of(byHeader, bySecondElement)) {
            assertThat(check.check(post)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
            });
        }
    }

    @Test
    void everyElementOfAHandshakeEraBatchMustMatchThePresentHeaders() {
        String ping = Posts.request(1, "ping", "{}");
        String call = Posts.request(2, "tools/call", "{\"name\":\"add\"}");
        var post = Posts.post("[" + ping + "," + call + "]", Map.of("Mcp-Method", "ping"));
        assertThat(check.check(post))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ErrorCodes.HEADER_MISMATCH));
        assertThat(check.check(Posts.post("[" + ping + "," + ping + "]", Map.of("Mcp-Method", "ping"))))
                .isEmpty();
        assertThat(check.check(Posts.post("[" + ping + "," + call + "]", Map.of())))
                .isEmpty();
    }
}
