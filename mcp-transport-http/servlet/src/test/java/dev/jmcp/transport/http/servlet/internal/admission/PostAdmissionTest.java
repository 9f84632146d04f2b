package dev.jmcp.transport.http.servlet.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostAdmissionTest {
    private final PostAdmission admission = new PostAdmission(new BodyDecoder(JsonRpcCodec.defaults()), null, null);

    @Test
    void wellFormedModernPostIsAdmittedAsStatelessEra() {
        var post = Posts.post(
                Posts.request(1, "ping", Posts.modernParams("")),
                Map.of("Mcp-Method", "ping", "MCP-Protocol-Version", "2026-07-28"));
        PostAdmission.Outcome outcome = admission.admit(post);
        assertThat(outcome.isRefused()).isFalse();
        assertThat(outcome.post().statelessEra()).isTrue();
    }

    @Test
    void versionCheckRunsBeforeTheStandardHeaders() {
        // both the version header (mismatching _meta) and the missing Mcp-Method are wrong: the version wins
        var post = Posts.post(
                Posts.request(1, "ping", Posts.modernParams("")), Map.of("MCP-Protocol-Version", "2025-11-25"));
        PostAdmission.Outcome outcome = admission.admit(post);
        assertThat(outcome.rejection().code()).isEqualTo(ErrorCodes.HEADER_MISMATCH);
        assertThat(outcome.rejection().body().error().message()).contains("_meta says");
    }

    @Test
    void handshakeEraPostIsAdmittedOutsideTheStatelessEra() {
        var post = Posts.post(Posts.request(1, "initialize", "{}"), Map.of());
        PostAdmission.Outcome outcome = admission.admit(post);
        assertThat(outcome.isRefused()).isFalse();
        assertThat(outcome.post().statelessEra()).isFalse();
        assertThat(outcome.post().hasRequests()).isTrue();
    }
}
