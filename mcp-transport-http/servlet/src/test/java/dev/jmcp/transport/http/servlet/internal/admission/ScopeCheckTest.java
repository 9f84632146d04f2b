package dev.jmcp.transport.http.servlet.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.transport.http.servlet.auth.ResourceServerAuth;
import dev.jmcp.transport.http.servlet.auth.ScopePolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeCheckTest {
    private static final ResourceServerAuth AUTH = ResourceServerAuth.builder()
            .resource("https://mcp.example.com/mcp")
            .authorizationServers(List.of("https://as.example.com"))
            .tokenValidator(token -> new AuthInfo(token, "c", "u", Set.of("mcp:read"), null, Map.of()))
            .build();
    private static final ScopePolicy WRITE_FOR_DELETE =
            (method, name) -> "delete".equals(name) ? Set.of("mcp:write") : Set.of();
    private static final AuthInfo READER = new AuthInfo("t", "c", "u", Set.of("mcp:read"), null, Map.of());
    private static final String DELETE_CALL = Posts.request(9, "tools/call", "{\"name\":\"delete\"}");

    @Test
    void tokenLackingAScopeARequestNeedsGets403InsufficientScope() {
        var post = Posts.post(DELETE_CALL, Map.of(), READER);
        assertThat(new ScopeCheck(AUTH, WRITE_FOR_DELETE).check(post)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body().id()).isEqualTo(RequestId.of(9));
            assertThat(r.headers().get("WWW-Authenticate"))
                    .contains("insufficient_scope")
                    .contains("mcp:write");
        });
    }

    @Test
    void legacyRefusalAnswersWithoutAnId() {
        var post = Posts.post(DELETE_CALL, Map.of(), READER);
        assertThat(new ScopeCheck(AUTH, WRITE_FOR_DELETE).check(post.messages(), READER, null))
                .hasValueSatisfying(r -> assertThat(r.body().id()).isNull());
    }

    @Test
    void requestsTheTokenCoversPass() {
        var post = Posts.post(Posts.request(1, "tools/call", "{\"name\":\"read\"}"), Map.of(), READER);
        assertThat(new ScopeCheck(AUTH, WRITE_FOR_DELETE).check(post)).isEmpty();
    }

    @Test
    void withoutPolicyOrValidatedTokenEverythingPasses() {
        assertThat(new ScopeCheck(AUTH, null).check(Posts.post(DELETE_CALL, Map.of(), READER)))
                .isEmpty();
        assertThat(new ScopeCheck(AUTH, WRITE_FOR_DELETE).check(Posts.post(DELETE_CALL, Map.of())))
                .isEmpty();
    }
}
