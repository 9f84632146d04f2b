package dev.jmcp.transport.http.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.InboundContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionOwnerTest {
    private static InboundContext as(AuthInfo info) {
        return InboundContext.EMPTY.withAuth(info);
    }

    private static AuthInfo caller(String token, String clientId, String sub, Map<String, Object> claims) {
        return new AuthInfo(token, clientId, sub, Set.of(), null, claims);
    }

    @Test
    void aSessionOpenedWithoutCredentialsServesOnlyRequestsWithoutCredentials() {
        SessionOwner anonymous = SessionOwner.of(InboundContext.EMPTY, "127.0.0.1");
        assertThat(anonymous.binding()).isNull();
        assertThat(anonymous.quotaKey()).isEqualTo("addr:127.0.0.1");
        assertThat(SessionOwner.mayUse(null, InboundContext.EMPTY)).isTrue();
        assertThat(SessionOwner.mayUse(null, as(caller("t", "app", "alice", Map.of()))))
                .isFalse();
        String alice = SessionOwner.of(as(caller("t", "app", "alice", Map.of())), "127.0.0.1")
                .binding();
        assertThat(SessionOwner.mayUse(alice, InboundContext.EMPTY)).isFalse();
    }

    @Test
    void subjectsAndClientIdsLiveInSeparateNamespaces() {
        String bySubject =
                SessionOwner.of(as(caller("t1", "app", "x", Map.of())), "a").binding();
        String byClient =
                SessionOwner.of(as(caller("t2", "x", null, Map.of())), "a").binding();
        assertThat(bySubject).isNotEqualTo(byClient);
        assertThat(SessionOwner.mayUse(bySubject, as(caller("t2", "x", null, Map.of()))))
                .isFalse();
        assertThat(SessionOwner.mayUse(bySubject, as(caller("t3", "other-app", "x", Map.of()))))
                .as("the same user through another client")
                .isTrue();
    }

    @Test
    void subjectsOfDifferentIssuersDifferEvenWhenTheTextWouldRunTogether() {
        String a = SessionOwner.of(as(caller("t", null, "c", Map.of("iss", "a b"))), "x")
                .binding();
        String b = SessionOwner.of(as(caller("t", null, "b c", Map.of("iss", "a"))), "x")
                .binding();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aTokenNamingNoPrincipalBindsToThatTokenOnly() {
        String first = SessionOwner.of(as(caller("token-1", null, null, Map.of())), "a")
                .binding();
        assertThat(first).startsWith("token:").doesNotContain("token-1");
        assertThat(SessionOwner.mayUse(first, as(caller("token-1", null, null, Map.of()))))
                .isTrue();
        assertThat(SessionOwner.mayUse(first, as(caller("token-2", null, null, Map.of()))))
                .isFalse();
    }

    @Test
    void credentialsNamingNothingAtAllOpenNoSession() {
        SessionOwner nobody = SessionOwner.of(as(caller(null, null, null, Map.of())), "a");
        assertThat(nobody.isNameless()).isTrue();
        assertThat(SessionOwner.mayUse(nobody.binding(), as(caller(null, null, null, Map.of()))))
                .isFalse();
    }
}
