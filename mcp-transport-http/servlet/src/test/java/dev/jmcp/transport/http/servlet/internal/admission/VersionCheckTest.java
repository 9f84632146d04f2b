package dev.jmcp.transport.http.servlet.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.RequestId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCheckTest {
    private final VersionCheck check = new VersionCheck();

    @Test
    void postWithoutVersionHeaderPasses() {
        assertThat(check.check(Posts.post(Posts.request(1, "ping", "{}"), Map.of())))
                .isEmpty();
    }

    @Test
    void unknownHeaderVersionWithoutMetaGets400() {
        var post = Posts.post(Posts.request(1, "ping", "{}"), Map.of("MCP-Protocol-Version", "1999-01-01"));
        assertThat(check.check(post)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
            assertThat(r.body().id()).isNull();
            assertThat(r.body().error().message()).contains("1999-01-01").contains("supported");
        });
    }

    @Test
    void unknownVersionNamedInMetaTooIsLeftToTheServer() {
        String params = "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"1999-01-01\"}}";
        var post = Posts.post(Posts.request(1, "ping", params), Map.of("MCP-Protocol-Version", "1999-01-01"));
        assertThat(check.check(post)).isEmpty();
    }

    @Test
    void headerDisagreeingWithMetaIsAHeaderMismatchAnsweringTheRequest() {
        var post = Posts.post(
                Posts.request(7, "ping", Posts.modernParams("")), Map.of("MCP-Protocol-Version", "2025-11-25"));
        assertThat(check.check(post)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(ErrorCodes.HEADER_MISMATCH);
            assertThat(r.body().id()).isEqualTo(RequestId.of(7));
        });
    }

    @Test
    void knownVersionsAreRecognised() {
        assertThat(VersionCheck.isUnknown(null)).isFalse();
        assertThat(VersionCheck.isUnknown(" 2025-11-25 ")).isFalse();
        assertThat(VersionCheck.isUnknown("draft")).isTrue();
    }
}
